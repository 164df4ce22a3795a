//! The tasks screen's state as its URL carries it: the tab, the search, the filters and the order
//! (so that they survive a reload and work as a plain GET form).

use leptos_router::params::ParamsMap;

use super::i18n::Texts;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    Today,
    Upcoming,
    #[default]
    All,
    Done,
}

impl Tab {
    pub const ALL: [Tab; 4] = [Tab::Today, Tab::Upcoming, Tab::All, Tab::Done];

    pub fn code(self) -> &'static str {
        match self {
            Tab::Today => "today",
            Tab::Upcoming => "upcoming",
            Tab::All => "all",
            Tab::Done => "done",
        }
    }

    pub fn parse(code: &str) -> Tab {
        Tab::ALL
            .into_iter()
            .find(|tab| tab.code() == code)
            .unwrap_or_default()
    }

    pub fn label(self, t: &Texts) -> &'static str {
        match self {
            Tab::Today => t.tasks.tab_today,
            Tab::Upcoming => t.tasks.tab_upcoming,
            Tab::All => t.tasks.tab_all,
            Tab::Done => t.tasks.tab_done,
        }
    }

    pub fn empty(self, t: &Texts) -> &'static str {
        match self {
            Tab::Today => t.tasks.empty_today,
            Tab::Upcoming => t.tasks.empty_upcoming,
            Tab::All => t.tasks.empty_all,
            Tab::Done => t.tasks.empty_done,
        }
    }
}

/// The screen's state as the URL carries it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListParams {
    pub tab: Tab,
    pub search: String,
    pub priority: String,
    pub category: String,
    pub tag: String,
    pub sort: String,
}

impl ListParams {
    pub fn from_query(query: &ParamsMap) -> ListParams {
        let get = |key: &str| query.get(key).unwrap_or_default();
        ListParams {
            tab: Tab::parse(&get("view")),
            search: get("q"),
            priority: get("priority"),
            category: get("category"),
            tag: get("tag"),
            sort: get("sort"),
        }
    }

    /// Whether a filter or a sort other than the manual order is chosen.
    pub fn narrowed(&self) -> bool {
        !self.manual_order()
            || ![&self.priority, &self.category, &self.tag]
                .iter()
                .all(|value| value.trim().is_empty())
    }

    pub fn filtered(&self) -> bool {
        ![&self.search, &self.priority, &self.category, &self.tag]
            .iter()
            .all(|value| value.trim().is_empty())
    }

    /// Dragging sets the manual order, so it is offered only when the list shows that order.
    pub fn manual_order(&self) -> bool {
        matches!(self.sort.as_str(), "" | "position")
    }
}

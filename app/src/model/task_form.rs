use serde::{Deserialize, Serialize};

use super::{NewTaskInput, TaskId, TaskPatchInput};

/// The add/edit form as a browser posts it: every field is text, an empty field means "none",
/// and tags are separated by commas.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TaskForm {
    /// Empty for a new task.
    pub id: String,
    pub title: String,
    pub description: String,
    /// A wall-clock time in the user's time zone, as `<input type="datetime-local">` sends it.
    pub due: String,
    pub priority: String,
    pub category: String,
    pub tags: String,
}

fn filled(value: &str) -> Option<String> {
    Some(value.trim())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

impl TaskForm {
    /// `Ok(None)` for a new task; an id that is not a number names no task.
    pub fn task_id(&self) -> Result<Option<TaskId>, std::num::ParseIntError> {
        filled(&self.id).map(|id| id.parse()).transpose()
    }

    pub fn tag_list(&self) -> Vec<String> {
        self.tags.split(',').filter_map(filled).collect()
    }

    pub fn new_input(&self) -> NewTaskInput {
        NewTaskInput {
            title: Some(self.title.clone()),
            description: filled(&self.description),
            date_time: filled(&self.due),
            priority: filled(&self.priority),
            category: filled(&self.category),
            tags: Some(self.tag_list()),
            ..Default::default()
        }
    }

    /// Every field of the form replaces the task's.
    pub fn patch_input(&self) -> TaskPatchInput {
        TaskPatchInput {
            title: Some(Some(self.title.clone())),
            description: Some(filled(&self.description)),
            date_time: Some(filled(&self.due)),
            priority: Some(Some(
                filled(&self.priority).unwrap_or_else(|| "normal".into()),
            )),
            category: Some(filled(&self.category)),
            tags: Some(Some(self.tag_list())),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FieldError, NewTask, TaskPatch};

    #[test]
    fn empty_fields_mean_none_and_tags_split_on_commas() {
        let form = TaskForm {
            title: " Купить молоко ".into(),
            due: "2026-11-25T09:30".into(),
            tags: " дом, срочно ,,Дом ".into(),
            ..Default::default()
        };
        assert_eq!(form.task_id(), Ok(None));
        let new = NewTask::parse(form.new_input()).unwrap();
        assert_eq!(new.title.as_str(), "Купить молоко");
        assert_eq!(new.tags.as_slice(), ["дом", "срочно"]);
        assert!(new.description.is_none() && new.category.is_none());
        let patch = TaskPatch::parse(form.patch_input()).unwrap();
        assert_eq!(patch.description, Some(None));
        assert_eq!(patch.category, Some(None));
    }

    #[test]
    fn bad_fields_are_the_models_errors() {
        let form = TaskForm {
            id: "7".into(),
            title: "  ".into(),
            due: "someday".into(),
            priority: "urgent".into(),
            ..Default::default()
        };
        assert_eq!(form.task_id(), Ok(Some(7)));
        let errors = TaskPatch::parse(form.patch_input()).unwrap_err();
        assert_eq!(errors.get("title"), Some(&FieldError::Required));
        assert_eq!(errors.get("date_time"), Some(&FieldError::InvalidDateTime));
        assert_eq!(errors.get("priority"), Some(&FieldError::InvalidPriority));
        assert!(
            TaskForm {
                id: "x".into(),
                ..Default::default()
            }
            .task_id()
            .is_err()
        );
    }
}

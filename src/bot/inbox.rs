//! The webhook's updates on their way to the dispatcher: the route puts them in, the dispatcher
//! takes them out as an update listener. Updates that arrive while the dispatcher cannot run yet
//! (Telegram unreachable at start) wait here.

use std::convert::Infallible;
use std::sync::Arc;

use futures_util::StreamExt;
use futures_util::stream::{self, BoxStream};
use teloxide::stop::{StopFlag, StopToken, mk_stop_token};
use teloxide::types::Update;
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use tokio::sync::{Mutex, mpsc};

/// Updates waiting for the dispatcher; when that many wait, Telegram is asked to send again later.
const WAITING_MAX: usize = 256;

/// The route's end: hands an update over, or says it cannot be taken now.
#[derive(Clone)]
pub struct Mailbox(mpsc::Sender<Update>);

impl Mailbox {
    /// `false` when too many updates wait or the bot is stopping.
    pub fn put(&self, update: Update) -> bool {
        self.0.try_send(update).is_ok()
    }
}

/// The dispatcher's end.
pub struct Inbox(Arc<Mutex<mpsc::Receiver<Update>>>);

pub fn channel() -> (Mailbox, Inbox) {
    let (sender, receiver) = mpsc::channel(WAITING_MAX);
    (Mailbox(sender), Inbox(Arc::new(Mutex::new(receiver))))
}

impl Inbox {
    /// A listener for one attempt at dispatching; what it has not taken stays for the next.
    pub fn listener(&self) -> Listener {
        let (stop, stopped) = mk_stop_token();
        Listener {
            receiver: self.0.clone(),
            stop,
            stopped,
        }
    }
}

pub struct Listener {
    receiver: Arc<Mutex<mpsc::Receiver<Update>>>,
    stop: StopToken,
    stopped: StopFlag,
}

impl UpdateListener for Listener {
    type Err = Infallible;

    fn stop_token(&mut self) -> StopToken {
        self.stop.clone()
    }
}

impl<'a> AsUpdateStream<'a> for Listener {
    type StreamErr = Infallible;
    type Stream = BoxStream<'static, Result<Update, Infallible>>;

    /// The updates as they come. Once stopped, no more are taken in (the route answers 503 and
    /// Telegram sends them again, to this replica or another), those already waiting are
    /// handed out, and the stream ends.
    fn as_stream(&'a mut self) -> Self::Stream {
        let state = (self.receiver.clone(), self.stopped.clone());
        stream::unfold(state, |(receiver, stopped)| async move {
            let next = {
                let mut waiting = receiver.lock().await;
                tokio::select! {
                    biased;
                    () = stopped.clone() => {
                        waiting.close();
                        waiting.recv().await
                    }
                    update = waiting.recv() => update,
                }
            };
            next.map(|update| (Ok(update), (receiver, stopped)))
        })
        .boxed()
    }
}

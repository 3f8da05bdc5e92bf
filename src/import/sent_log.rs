//! `minutes/sent.toml`: what `opsdeck send` delivered that belongs to no
//! one meeting's minutes — pre-reads and daily digests — so the same
//! content is not sent twice to a channel.

use crate::domain::words::Said;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::ImportError;
use super::minutes::SentRow;
use super::workspace::MINUTES_DIR;

/// The log's rows, as the file holds them.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentLog {
    #[serde(default)]
    pub sent: Vec<SentRow>,
}

/// Where the workspace's log of sent pre-reads and digests is.
pub fn sent_log_path(workspace_root: &Path) -> PathBuf {
    workspace_root.join(MINUTES_DIR).join("sent.toml")
}

/// The log at `path`; none yet is an empty log.
pub fn read_sent_log(path: &Path) -> Result<SentLog, ImportError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(SentLog::default()),
        Err(error) => {
            return Err(ImportError::file(
                path,
                Said::both(
                    format!("cannot read the log of sent messages: {error}"),
                    format!("无法读取已发送消息的记录：{error}"),
                ),
            ));
        }
    };
    toml::from_str(&text).map_err(|error| {
        ImportError::file(
            path,
            Said::both(
                format!(
                    "{}: expected [[sent]] rows with channel, what, at and digest \
                     (delete the file to start the log afresh)",
                    error.message()
                ),
                format!(
                    "{}：应为带 channel、what、at 和 digest 的 [[sent]] 行（删除该文件即可重新开始记录）",
                    error.message()
                ),
            ),
        )
    })
}

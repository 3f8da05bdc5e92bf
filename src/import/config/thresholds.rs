//! `[thresholds]`: each key one of `Thresholds::KEYS`, each value a number
//! of the kind the threshold counts, an error at its line otherwise.

use std::collections::BTreeMap;

use toml::Spanned;

use super::place::Place;
use crate::domain::settings::{ThresholdProblem, Thresholds};
use crate::domain::words::Said;
use crate::import::error::ImportError;

#[allow(clippy::cast_precision_loss)] // thresholds are small numbers
pub(super) fn thresholds(
    at: Place,
    table: &BTreeMap<String, Spanned<toml::Value>>,
) -> Result<Thresholds, ImportError> {
    let mut thresholds = Thresholds::default();
    for (key, value) in table {
        let number = match value.get_ref() {
            toml::Value::Integer(whole) => Ok(*whole as f64),
            toml::Value::Float(number) => Ok(*number),
            other => Err(Said::both(
                format!("{other}: expected a number"),
                format!("{other}：应为数字"),
            )),
        };
        number
            .and_then(|number| {
                thresholds
                    .set(key, number)
                    .map_err(|problem| threshold_problem(key, problem))
            })
            .map_err(|why| at.error(value, why.map(|why| format!("[thresholds] {key}: {why}"))))?;
    }
    Ok(thresholds)
}

/// Why `[thresholds] key` cannot be set, in every language.
fn threshold_problem(key: &str, problem: ThresholdProblem) -> Said {
    match problem {
        ThresholdProblem::UnknownKey => {
            let keys: Vec<&str> = Thresholds::KEYS.iter().map(|(k, _)| *k).collect();
            let keys = keys.join(", ");
            Said::both(
                format!("`{key}` is not a threshold: expected one of {keys}"),
                format!("`{key}` 不是阈值：应为以下之一：{keys}"),
            )
        }
        ThresholdProblem::NotWhole(number) => Said::both(
            format!("{number}: expected a whole number"),
            format!("{number}：应为整数"),
        ),
    }
}

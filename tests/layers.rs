//! The source's layering, read from its `use crate::…`, `use super::…` and
//! inline `crate::…`/`super::…` paths (test code left out): each top-level
//! module uses only the layers below it, and no two files of one folder use
//! each other, directly or round a longer circle.

#![allow(clippy::unwrap_used)]

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use support::files_under;

/// What each top-level module may use, besides itself.
const MAY_USE: &[(&str, &[&str])] = &[
    ("domain", &[]),
    ("fs", &[]),
    ("import", &["domain", "fs"]),
    ("fetch", &["domain", "fs", "import"]),
    ("export", &["domain", "fs", "import"]),
    ("send", &["domain", "fs", "import", "fetch", "export"]),
    ("session", &["domain", "fs", "import", "export"]),
    ("app", &["domain", "import", "export"]),
    ("ui", &["domain", "app"]),
    (
        "event_loop",
        &["domain", "fs", "import", "export", "session", "app", "ui"],
    ),
    (
        "cli",
        &[
            "domain",
            "fs",
            "import",
            "fetch",
            "export",
            "send",
            "session",
            "app",
            "ui",
            "event_loop",
        ],
    ),
];

/// Every module of the crate (`["domain", "kpi", "gathered"]`) and its source without tests.
fn modules() -> BTreeMap<Vec<String>, String> {
    let mut all = BTreeMap::new();
    for path in files_under(&source()) {
        let relative = path.strip_prefix(source()).unwrap().with_extension("");
        let name: Vec<String> = relative
            .iter()
            .map(|part| part.to_string_lossy().into_owned())
            .collect();
        let last = name.last().unwrap();
        if path.extension().is_none_or(|e| e != "rs")
            || last.ends_with("_tests")
            || ["lib", "main"].contains(&last.as_str()) && name.len() == 1
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code = text.split("\n#[cfg(test)]").next().unwrap().to_owned();
        all.insert(name, code);
    }
    all
}

fn source() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The paths a `use` tree names, braces expanded: `a::{b, c::{d}}` → `a::b`, `a::c::d`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        return vec![tree.split(" as ").next().unwrap().trim().to_owned()];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap()];
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .flat_map(expand)
        .map(|path| match path.as_str() {
            "self" => prefix.trim_end_matches("::").to_owned(),
            _ => format!("{prefix}{path}"),
        })
        .collect()
}

/// Every `crate::…` or `super::…` path `code` names, in its `use`
/// statements (each at the start of a line) and inline.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut inline = String::new();
    let mut statement: Option<String> = None;
    for line in code.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let opening = ["use ", "pub use ", "pub(crate) use ", "pub(super) use "]
            .iter()
            .find_map(|start| trimmed.strip_prefix(start));
        if let Some(rest) = opening.filter(|_| statement.is_none()) {
            statement = Some(String::new());
            statement.as_mut().unwrap().push_str(rest);
        } else if let Some(open) = statement.as_mut() {
            open.push_str(trimmed);
        } else {
            inline.push_str(line);
            inline.push('\n');
            continue;
        }
        if let Some(done) = statement.take_if(|s| s.contains(';')) {
            found.extend(expand(done.split(';').next().unwrap()));
        }
    }
    for start in ["crate::", "super::"] {
        for (at, _) in inline.match_indices(start) {
            if inline[..at]
                .chars()
                .last()
                .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
            {
                continue;
            }
            let path: String = inline[at..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            found.push(path);
        }
    }
    found
}

/// The module `path`, written in `module`, names: the longest known module it starts with.
fn resolve(
    module: &[String],
    path: &str,
    known: &BTreeMap<Vec<String>, String>,
) -> Option<Vec<String>> {
    let segments: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
    let mut base: Vec<String> = module.to_vec();
    let mut rest = segments.as_slice();
    match rest.first() {
        Some(&"crate") => {
            base.clear();
            rest = &rest[1..];
        }
        Some(&"super") => {
            while rest.first() == Some(&"super") {
                base.pop();
                rest = &rest[1..];
            }
        }
        _ => return None,
    }
    let mut full = base;
    full.extend(rest.iter().map(|s| (*s).to_owned()));
    (1..=full.len())
        .rev()
        .map(|n| full[..n].to_vec())
        .find(|candidate| known.contains_key(candidate))
}

/// Each module's uses of other modules.
fn uses() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let known = modules();
    known
        .iter()
        .map(|(module, code)| {
            let used = paths(code)
                .iter()
                .filter_map(|path| resolve(module, path, &known))
                .filter(|used| used != module)
                .collect();
            (module.clone(), used)
        })
        .collect()
}

#[test]
fn every_layer_uses_only_the_layers_below_it() {
    let mut wrong = BTreeSet::new();
    for (module, used) in uses() {
        let top = &module[0];
        let allowed = MAY_USE.iter().find(|(name, _)| name == top).map_or_else(
            || panic!("{top} is not in MAY_USE: say what it may use"),
            |(_, allowed)| *allowed,
        );
        for other in used {
            if &other[0] != top && !allowed.contains(&other[0].as_str()) {
                wrong.insert(format!("{} uses {}", module.join("::"), other.join("::")));
            }
        }
    }
    assert!(wrong.is_empty(), "arrows up a layer:\n{wrong:#?}");
}

#[test]
fn no_two_files_of_a_folder_use_each_other() {
    // Between siblings: a use of a sibling or of anything inside it.
    let mut edges: BTreeMap<Vec<String>, BTreeSet<Vec<String>>> = BTreeMap::new();
    for (module, used) in uses() {
        for other in used {
            let shared = module
                .iter()
                .zip(&other)
                .take_while(|(a, b)| a == b)
                .count();
            if shared < module.len() && shared < other.len() {
                let from = module[..=shared].to_vec();
                let to = other[..=shared].to_vec();
                edges.entry(from).or_default().insert(to);
            }
        }
    }
    let mut circles = BTreeSet::new();
    for start in edges.keys() {
        // Whether `start` is reached again from one of the modules it uses.
        let mut seen = BTreeSet::new();
        let mut stack: Vec<(Vec<String>, Vec<String>)> = edges[start]
            .iter()
            .map(|next| (next.clone(), vec![start.join("::"), next.join("::")]))
            .collect();
        while let Some((at, trail)) = stack.pop() {
            if &at == start {
                let mut circle = trail.clone();
                circle.pop();
                let smallest = (0..circle.len()).min_by_key(|&i| &circle[i]).unwrap();
                circle.rotate_left(smallest);
                circles.insert(circle.join(" → "));
                continue;
            }
            if !seen.insert(at.clone()) {
                continue;
            }
            for next in edges.get(&at).into_iter().flatten() {
                let mut longer = trail.clone();
                longer.push(next.join("::"));
                stack.push((next.clone(), longer));
            }
        }
    }
    assert!(circles.is_empty(), "circles of use:\n{circles:#?}");
}

#[test]
fn the_reader_of_uses_reads_braces_and_inline_paths() {
    assert_eq!(
        expand("super::{a::X, b::{c::Y, self}}"),
        vec!["super::a::X", "super::b::c::Y", "super::b"]
    );
    let found = paths(
        "use crate::domain::{week::Week, money};\nlet x = super::redact::redact(a);\n// crate::ui::x\n",
    );
    assert_eq!(
        found,
        vec![
            "crate::domain::week::Week",
            "crate::domain::money",
            "super::redact::redact"
        ]
    );
}

#[test]
fn every_test_file_in_the_source_is_compiled() {
    let files = files_under(&source());
    let all: String = files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    for path in &files {
        let name = path.file_name().unwrap().to_string_lossy();
        let Some(stem) = name.strip_suffix("_tests.rs") else {
            continue;
        };
        assert!(
            all.contains(&format!("#[path = \"{name}\"]"))
                || all.contains(&format!("mod {stem}_tests;")),
            "{} is never compiled: include it with #[cfg(test)] #[path = \"{name}\"] mod tests;",
            path.display()
        );
    }
}

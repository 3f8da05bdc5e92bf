//! Embeds the sample workspace in the binary, for `opsdeck demo`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    println!("cargo:rerun-if-changed=sample-data");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = String::from(
        "/// The sample workspace: (path inside it, content).\npub const SAMPLE_FILES: &[(&str, &[u8])] = &[\n",
    );
    for file in &files {
        let relative = file
            .strip_prefix(&root)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        let _ = writeln!(
            code,
            "    ({relative:?}, include_bytes!({:?})),",
            file.to_string_lossy()
        );
    }
    code.push_str("];\n");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default()).join("sample_files.rs");
    fs::write(out, code)
        .unwrap_or_else(|error| panic!("cannot write the embedded sample: {error}"));
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        println!("cargo:rerun-if-changed={}", path.display());
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}

//! The workspace's modules depend on each other in one direction: no two source files of a crate
//! import each other, directly or around a circle. A circle is how use cases end up tangled
//! (each needing the other to be understood, changed or tested), so it fails here, named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A crate's modules (by their path from `src`, `pages::after` for `src/pages/after.rs`) and
/// the modules of the same crate each one names.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    collect(src, &mut files);
    let module_of = |p: &Path| -> String {
        let rel = p.strip_prefix(src).unwrap().with_extension("");
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        match parts.as_slice() {
            [one] if one == "lib" || one == "main" => "crate".to_owned(),
            [.., last] if last == "mod" => parts[..parts.len() - 1].join("::"),
            _ => parts.join("::"),
        }
    };
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let mut out = BTreeMap::new();
    for p in &files {
        let me = module_of(p);
        let text = std::fs::read_to_string(p).unwrap();
        // Test modules may reach anything.
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        let mut named = BTreeSet::new();
        for (i, _) in text.match_indices("crate::") {
            let rest = &text[i + "crate::".len()..];
            let path = path_at(rest);
            if let Some(m) = longest_module(&modules, &path) {
                named.insert(m);
            }
            // `use crate::{a, b::c}`: each item of the group.
            if let Some(group) = rest.strip_prefix('{') {
                for item in group.split('}').next().unwrap_or("").split(',') {
                    let path = path_at(item.trim());
                    if let Some(m) = longest_module(&modules, &path) {
                        named.insert(m);
                    }
                }
            }
        }
        // `super::x` in `a::b` names `a::x`.
        if let Some((parent, _)) = me.rsplit_once("::") {
            for (i, _) in text.match_indices("super::") {
                let path = path_at(&text[i + "super::".len()..]);
                let full: Vec<String> = std::iter::once(parent.to_owned()).chain(path).collect();
                if let Some(m) = longest_module(&modules, &full) {
                    named.insert(m);
                }
            }
        }
        named.remove(&me);
        named.remove("crate");
        out.insert(me, named);
    }
    out
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            collect(&p, files);
        } else if p.extension().is_some_and(|e| e == "rs") {
            files.push(p);
        }
    }
}

/// The identifiers of a path at the start of `s`: `a::b::C` of `a::b::C::new()`.
fn path_at(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        out.push(rest[..end].to_owned());
        match rest[end..].strip_prefix("::") {
            Some(r) => rest = r,
            None => break,
        }
    }
    out
}

fn longest_module(modules: &BTreeSet<String>, path: &[String]) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

/// A circle of modules, if any: depth-first, reporting the first back edge found.
fn circle(g: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        g: &BTreeMap<String, BTreeSet<String>>,
        m: &str,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = stack.iter().position(|x| x == m) {
            let mut c = stack[i..].to_vec();
            c.push(m.to_owned());
            return Some(c);
        }
        if done.contains(m) {
            return None;
        }
        stack.push(m.to_owned());
        for n in g.get(m).into_iter().flatten() {
            if let Some(c) = visit(g, n, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(m.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for m in g.keys() {
        if let Some(c) = visit(g, m, &mut Vec::new(), &mut done) {
            return Some(c);
        }
    }
    None
}

#[test]
fn no_module_imports_another_in_a_circle() {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut circles = Vec::new();
    for entry in std::fs::read_dir(&crates).unwrap() {
        let src = entry.unwrap().path().join("src");
        if !src.is_dir() {
            continue;
        }
        if let Some(c) = circle(&graph(&src)) {
            circles.push(format!("{}: {}", src.display(), c.join(" → ")));
        }
    }
    assert!(
        circles.is_empty(),
        "modules in a circle:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_checker_sees_a_circle() {
    let mut g = BTreeMap::new();
    g.insert("a".to_owned(), BTreeSet::from(["b".to_owned()]));
    g.insert("b".to_owned(), BTreeSet::from(["c".to_owned()]));
    g.insert("c".to_owned(), BTreeSet::from(["a".to_owned()]));
    assert_eq!(circle(&g).unwrap(), ["a", "b", "c", "a"]);
    g.insert("c".to_owned(), BTreeSet::new());
    assert_eq!(circle(&g), None);
    let dir = std::env::temp_dir().join(format!("layering-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("pages")).unwrap();
    std::fs::write(dir.join("lib.rs"), "mod a; mod pages;").unwrap();
    std::fs::write(dir.join("a.rs"), "use crate::pages::b::thing;").unwrap();
    std::fs::write(dir.join("pages/mod.rs"), "pub mod b;").unwrap();
    std::fs::write(dir.join("pages/b.rs"), "use crate::{a, x};").unwrap();
    let g = graph(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(g["a"], BTreeSet::from(["pages::b".to_owned()]));
    assert_eq!(g["pages::b"], BTreeSet::from(["a".to_owned()]));
    assert!(circle(&g).is_some());
}

//! Writes sample chronogrammes and prints how long one call takes.
//!
//! `cargo run -p hybride-docs --release --example chronogramme [OUT_DIR]`

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::Instant;

use hybride_docs::chronogramme_pdf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).unwrap_or_else(|| ".".to_owned());
    let started = Instant::now();
    let pdf = chronogramme_pdf(&common::realistic())?;
    println!("first call (fonts parsed): {:?}", started.elapsed());
    std::fs::write(format!("{out}/chronogramme-8.pdf"), pdf)?;

    // Each run changes the title so that typst's memo cache cannot serve
    // the previous run's layout.
    let mut times = Vec::new();
    for i in 0..20 {
        let mut c = common::realistic();
        c.title = format!("{} ({i})", c.title);
        let started = Instant::now();
        chronogramme_pdf(&c)?;
        times.push(started.elapsed());
    }
    times.sort();
    println!(
        "one call, 8 steps: median {:?}, min {:?}, max {:?}",
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );

    for n in [12, 40] {
        let started = Instant::now();
        let pdf = chronogramme_pdf(&common::with_steps(n))?;
        println!("one call, {n} steps: {:?}", started.elapsed());
        std::fs::write(format!("{out}/chronogramme-{n}.pdf"), pdf)?;
    }
    Ok(())
}

//! What the binary does before anything else: the allocator's setting, and secrets read from
//! files: `HYBRIDE_SMTP_URL_FILE=/run/secrets/smtp` stands for
//! `HYBRIDE_SMTP_URL` with the file's content (as container orchestrators hand secrets over), so
//! that a password appears neither in the environment shown by `ps e` nor in a unit file.

/// The settings that may hold a secret.
pub const SECRET_SETTINGS: [&str; 3] = [
    "HYBRIDE_DATABASE_URL",
    "HYBRIDE_SMTP_URL",
    "HYBRIDE_BBB_SECRET",
];

/// For each secret setting given as `NAME_FILE`, sets `NAME` to the file's content (its final
/// line break dropped). Both forms at once, an unreadable or empty file: refused with the name.
pub fn secrets_from_files() -> Result<(), String> {
    for name in SECRET_SETTINGS {
        let Some(path) = std::env::var_os(format!("{name}_FILE")) else {
            continue;
        };
        if std::env::var_os(name).is_some() {
            return Err(format!("{name} and {name}_FILE are both set: keep one"));
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("{name}_FILE ({}): {e}", path.to_string_lossy()))?;
        let value = text.trim_end_matches(['\n', '\r']);
        if value.is_empty() {
            return Err(format!("{name}_FILE ({}) is empty", path.to_string_lossy()));
        }
        // Before any thread is started: nothing else reads the environment yet.
        std::env::set_var(name, value);
    }
    Ok(())
}

/// glibc's allocator raises its threshold for serving a large allocation from its own mapping
/// each time such a block is freed, so that after a few PDFs (typesetting allocates buffers of
/// a few hundred KiB to a few MiB) they come from the heap and stay there, one copy per thread's
/// arena: the server grew from 80 to 115 MiB under a burst of sheet PDFs. A fixed threshold of
/// 256 KiB keeps them mapped and given back when freed (77 MiB, the same throughput; measured in
/// bench/RESULTS.md).
pub fn allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a parameter of the allocator; called before any other thread
    // of ours allocates, with a constant in range.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 256 * 1024);
    }
}

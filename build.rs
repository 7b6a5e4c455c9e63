//! The default theme and the `init` starter site are compiled into the
//! binary (include_dir!, include_str!). Cargo does not see those files as
//! inputs by itself, so a theme edit would not rebuild the binary; this
//! tells it to.
fn main() {
    println!("cargo:rerun-if-changed=themes/default");
    println!("cargo:rerun-if-changed=src/scaffold/site");
}

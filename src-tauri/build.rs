fn main() {
    // `generate_context!` embeds the built UI when this crate compiles; without
    // this line a new `ui/dist` alone would not recompile it, and the binary
    // (or a bundle) would carry the UI of the build before.
    println!("cargo:rerun-if-changed=../ui/dist");
    tauri_build::build()
}

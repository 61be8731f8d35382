//! Entry point of the page; the browser build mounts the Leptos app.
fn main() {
    #[cfg(target_arch = "wasm32")]
    hashprice::app::start();
}

fn main() {
    csp_marketplace::start();
}

fn main() {
    sip_planen::ui::start();
}

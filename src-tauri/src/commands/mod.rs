//! Command adapters, one module per domain. Each is one line over the desk;
//! errors cross IPC as the desk's `{code, message, fields}`.

mod accounts;
mod complaints;
mod deadlines;
mod documents;
mod holders;
mod packets;
mod rights;
mod sellers;
mod system;

use ippdesk_desk::{DeskError, ErrorCode, SharedDesk};
use std::sync::atomic::{AtomicBool, Ordering};

use tauri::{Runtime, State};

pub(crate) type Desk<'a> = State<'a, SharedDesk>;
pub(crate) type Res<T> = Result<T, DeskError>;

pub(crate) fn parse_id(id: &str) -> Res<ippdesk_desk::Id> {
    id.parse()
        .map_err(|_| DeskError::new(ErrorCode::NotFound, format!("{id} is not a record id.")))
}

pub fn handler<R: Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
    // `tools/measure-startup.sh` times cold start to the UI's first call.
    let trace_startup = std::env::var_os("IPPDESK_TRACE_STARTUP").is_some();
    let first_call = AtomicBool::new(true);
    let commands: Box<dyn Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync> =
        Box::new(tauri::generate_handler![
            system::app_info,
            system::verify_integrity,
            system::load_sample,
            system::audit_trail,
            holders::list_holders,
            holders::get_holder,
            holders::create_holder,
            holders::update_holder,
            holders::delete_holder,
            accounts::list_agents,
            accounts::create_agent,
            accounts::update_agent,
            accounts::delete_agent,
            accounts::list_poas,
            accounts::create_poa,
            accounts::update_poa,
            accounts::delete_poa,
            accounts::create_account,
            accounts::update_account,
            accounts::delete_account,
            accounts::change_account_status,
            rights::list_rights,
            rights::get_right,
            rights::create_right,
            rights::update_right,
            rights::delete_right,
            rights::set_registration,
            documents::attach_documents,
            documents::detach_document,
            documents::open_document,
            documents::document_data_url,
            complaints::list_complaints,
            complaints::get_complaint,
            complaints::create_complaint,
            complaints::update_complaint,
            complaints::delete_complaint,
            complaints::set_complaint_status,
            complaints::file_complaint,
            complaints::remove_complaint_listing,
            complaints::set_listing_outcomes,
            complaints::import_listings,
            complaints::build_batch,
            complaints::complaint_urls,
            complaints::export_complaint_urls,
            complaints::max_listings,
            complaints::set_max_listings,
            sellers::list_sellers,
            sellers::get_seller,
            sellers::create_seller,
            sellers::update_seller,
            sellers::delete_seller,
            sellers::seller_suggestions,
            sellers::link_sellers,
            sellers::unlink_seller,
            sellers::get_listing,
            sellers::create_test_purchase,
            sellers::update_test_purchase,
            sellers::delete_test_purchase,
            sellers::search,
            deadlines::record_counter_notice,
            deadlines::update_counter_notice,
            deadlines::respond_to_counter_notice,
            deadlines::decide_counter_notice,
            deadlines::delete_counter_notice,
            deadlines::dashboard,
            deadlines::open_deadlines,
            deadlines::enforcement_report,
            deadlines::export_report,
            deadlines::export_ics,
            deadlines::create_task,
            deadlines::update_task,
            deadlines::delete_task,
            deadlines::set_deadline_done,
            deadlines::assign_deadline,
            deadlines::list_people,
            deadlines::create_person,
            deadlines::update_person,
            deadlines::delete_person,
            deadlines::deadline_rules,
            deadlines::deadline_rule_history,
            deadlines::save_deadline_rule,
            deadlines::reset_deadline_rule,
            packets::generate_packet,
            packets::verify_bundle,
            packets::open_packet,
        ]);
    move |invoke: tauri::ipc::Invoke<R>| {
        if trace_startup && first_call.swap(false, Ordering::Relaxed) {
            eprintln!("ui-ready: first call {}", invoke.message.command());
        }
        commands(invoke)
    }
}

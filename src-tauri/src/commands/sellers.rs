use ippdesk_desk::{
    LinkSellersInput, LinkSuggestionView, ListingDetail, SearchHit, SellerDetail, SellerDraft,
    SellerGroupView, SellerRow, TestPurchaseDraft, TestPurchaseView,
};

use super::{parse_id, Desk, Res};

#[tauri::command]
pub fn list_sellers(desk: Desk) -> Res<Vec<SellerRow>> {
    desk.with(|d| d.list_sellers())
}

#[tauri::command]
pub fn get_seller(desk: Desk, id: String) -> Res<SellerDetail> {
    desk.with(|d| d.get_seller(parse_id(&id)?))
}

#[tauri::command]
pub fn create_seller(desk: Desk, draft: SellerDraft) -> Res<SellerRow> {
    desk.with(|d| d.create_seller(draft))
}

#[tauri::command]
pub fn update_seller(desk: Desk, id: String, draft: SellerDraft) -> Res<SellerRow> {
    desk.with(|d| d.update_seller(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_seller(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_seller(parse_id(&id)?))
}

#[tauri::command]
pub fn seller_suggestions(desk: Desk) -> Res<Vec<LinkSuggestionView>> {
    desk.with(|d| d.seller_suggestions())
}

#[tauri::command]
pub fn link_sellers(desk: Desk, input: LinkSellersInput) -> Res<SellerGroupView> {
    desk.with(|d| d.link_sellers(input))
}

#[tauri::command]
pub fn unlink_seller(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.unlink_seller(parse_id(&id)?))
}

#[tauri::command]
pub fn get_listing(desk: Desk, id: String) -> Res<ListingDetail> {
    desk.with(|d| d.get_listing(parse_id(&id)?))
}

#[tauri::command]
pub fn create_test_purchase(desk: Desk, draft: TestPurchaseDraft) -> Res<TestPurchaseView> {
    desk.with(|d| d.create_test_purchase(draft))
}

#[tauri::command]
pub fn update_test_purchase(
    desk: Desk,
    id: String,
    draft: TestPurchaseDraft,
) -> Res<TestPurchaseView> {
    desk.with(|d| d.update_test_purchase(parse_id(&id)?, draft))
}

#[tauri::command]
pub fn delete_test_purchase(desk: Desk, id: String) -> Res<()> {
    desk.with(|d| d.delete_test_purchase(parse_id(&id)?))
}

#[tauri::command]
pub fn search(desk: Desk, text: String) -> Res<Vec<SearchHit>> {
    desk.with(|d| d.search(&text))
}

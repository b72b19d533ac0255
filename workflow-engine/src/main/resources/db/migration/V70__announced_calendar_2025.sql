-- Days the Government announced, seeded into the override table (V10) so that a new installation counts
-- them without an administrator entering them. Only announcements we are sure of are seeded; each row's
-- reason names its source. An administrator may change or remove any of them (the change is then audited
-- in the calendar-<year> record); a day already entered by an administrator is left as it is.
--
-- Seeded:
--   2025, Ngày Chiến thắng 30/4 and Ngày Quốc tế Lao động 1/5: civil servants off Wednesday 30/4 to Sunday
--   4/5/2025, the working Friday 2/5 swapped with Saturday 26/4 (Thông báo số 6150/TB-LĐTBXH ngày 12/11/2024
--   của Bộ Lao động - Thương binh và Xã hội).
--
-- Known but NOT seeded (source or exact days not confirmed here; enter them through the administration API
-- once checked against the notice):
--   2024, 30/4–1/5: Monday 29/4/2024 swapped with Saturday 4/5/2024 (notice of Bộ LĐTBXH, number unconfirmed);
--   2024, Quốc khánh: the adjacent day was 3/9/2024, not 1/9 (the computed default) — unconfirmed here;
--   2025, Tết Ất Tỵ: off 25/1–2/2/2025, the Tết days placed Monday 27/1 to Friday 31/1 (same notice 6150 as
--   above); the computed block is 28/1–1/2 with Monday 3/2 made up — to be entered as 27/1 off, 3/2 working
--   once the notice's text is checked;
--   2026: the Tết Bính Ngọ block 16–20/2/2026 is what the rules compute; nothing announced to add.
insert into calendar_override (day, working, reason, created_by, created_at) values
    (date '2025-04-26', true,
     'Làm việc thứ Bảy 26/04/2025, hoán đổi cho thứ Sáu 02/05/2025 (Thông báo số 6150/TB-LĐTBXH ngày 12/11/2024)',
     'migration V70', now()),
    (date '2025-05-02', false,
     'Nghỉ thứ Sáu 02/05/2025, hoán đổi sang thứ Bảy 26/04/2025 (Thông báo số 6150/TB-LĐTBXH ngày 12/11/2024)',
     'migration V70', now())
on conflict (day) do nothing;

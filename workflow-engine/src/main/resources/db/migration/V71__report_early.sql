-- Reports tell "Trước hạn" (finished before the appointed date) from "Đúng hạn" (on it) and "Quá hạn" (after it),
-- the three columns of Circular 01/2018/TT-VPCP Mẫu 06. `early` is OnTimeRule's Result.early() as the projection
-- (report.ReportProjection) writes it; rows written before are filled from the same facts: on time and decided
-- on a day (Vietnam time) before the due date moved by the applicant's waits.
alter table report_dossier add column early boolean;
update report_dossier
   set early = on_time and effective_due_date is not null
               and (finished_at at time zone 'Asia/Ho_Chi_Minh')::date < effective_due_date
 where on_time is not null;

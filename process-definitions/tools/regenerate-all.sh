#!/usr/bin/env bash
# Regenerates every shipped procedure model from generate-bpmn.py. Process keys are
# procedure_<code with dots as underscores>; they stay fixed even if a local code is later
# replaced by the national one in the catalogue, so running dossiers keep their process.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/bpmn"
gen() { python3 "$here/generate-bpmn.py" "$@"; }

gen procedure_1_002600 "Cấp số tiếp nhận Phiếu công bố sản phẩm mỹ phẩm sản xuất trong nước" 1.002600 \
    > "$out/cosmetic-notification.bpmn"
gen procedure_BYT_KCB_01 "Cấp mới giấy phép hành nghề khám bệnh, chữa bệnh" BYT.KCB.01 \
    > "$out/medical-practice-licence.bpmn"
gen procedure_BYT_DUOC_01 "Cấp chứng chỉ hành nghề dược theo hình thức xét hồ sơ" BYT.DUOC.01 \
    > "$out/pharmacy-practice-certificate.bpmn"
gen procedure_BYT_DUOC_02 "Cấp lại chứng chỉ hành nghề dược" BYT.DUOC.02 \
    > "$out/pharmacy-practice-certificate-reissue.bpmn"
gen procedure_BYT_DUOC_03 "Đánh giá đáp ứng Thực hành tốt cơ sở bán lẻ thuốc (GPP)" BYT.DUOC.03 onsite \
    > "$out/gpp-assessment.bpmn"
gen procedure_BYT_DUOC_04 "Cấp lại, điều chỉnh giấy chứng nhận đủ điều kiện kinh doanh dược" BYT.DUOC.04 \
    > "$out/pharmaceutical-business-certificate-reissue.bpmn"

#!/usr/bin/env python3
# Generates a one-stop procedure BPMN (Decree 61 flows) with diagram layout, on standard output.
# Usage: generate-bpmn.py <processKey> "<Vietnamese name>" <code> [onsite]
# Every procedure shares one shape so the workflow engine can drive all of them with the same task ids,
# messages and variables; regenerate-all.sh lists the procedures this module ships.
import sys
if len(sys.argv) not in (4, 5) or (len(sys.argv) == 5 and sys.argv[4] != 'onsite'):
    sys.exit('usage: generate-bpmn.py <processKey> "<Vietnamese name>" <code> [onsite]')
key, name, code = sys.argv[1], sys.argv[2], sys.argv[3]
onsite = len(sys.argv) > 4 and sys.argv[4] == 'onsite'
import re
if not re.fullmatch(r'[A-Za-z_][A-Za-z0-9_.-]*', key):
    sys.exit(f'process key {key!r} is not an XML name: use letters, digits and underscores, e.g. procedure_1_002600')
sys.stdout.reconfigure(encoding='utf-8')
E = []   # (id, kind, name, x, y, w, h, extra-xml, incoming, outgoing, parent)
F = []   # (id, src, tgt, name, condition, parent, waypoints or None)
def node(id, kind, nm, x, y, w=None, h=None, body='', attrs='', parent='process', doc=None):
    sizes = {'start': (36, 36), 'end': (36, 36), 'catch': (36, 36), 'xor': (50, 50), 'task': (110, 80),
             'service': (110, 80), 'boundary': (36, 36)}
    w0, h0 = sizes.get(kind, (w, h))
    E.append(dict(id=id, kind=kind, name=nm, x=x, y=y, w=w or w0, h=h or h0, body=body, attrs=attrs, parent=parent, doc=doc))
def flow(id, s, t, nm=None, cond=None, parent='process', wp=None):
    F.append(dict(id=id, s=s, t=t, name=nm, cond=cond, parent=parent, wp=wp))
def task(id, nm, x, y, group, parent='process', extra='', doc=None):
    node(id, 'task', nm, x, y, attrs=f' camunda:candidateGroups="{group}"' + extra, parent=parent, doc=doc)

node('dossierSubmitted', 'start', 'Hồ sơ đã nộp', 60, 242)
task('reception', 'Tiếp nhận hồ sơ', 130, 220, 'RECEPTION@${unitId}')
node('receptionDecisionGateway', 'xor', 'Kết quả tiếp nhận?', 285, 235)
node('refused', 'end', 'Từ chối tiếp nhận', 292, 110)
node('waitForSupplement', 'catch', 'Chờ bổ sung hồ sơ', 292, 360, body='<bpmn:messageEventDefinition messageRef="message_SupplementProvided" />')
node('feeGateway', 'xor', 'Có phí, lệ phí?', 375, 235)
node('waitForPayment', 'catch', 'Chờ nộp phí, lệ phí', 462, 160, body='<bpmn:messageEventDefinition messageRef="message_PaymentReceived" />')
SX, SY, SW, SH = 540, 60, 900 if onsite else 760, 400
node('processing', 'sub', 'Giải quyết hồ sơ', SX, SY, SW, SH)
node('processingStart', 'start', None, SX + 30, 242, parent='processing')
task('appraisal', 'Thẩm định hồ sơ', SX + 100, 220, 'SPECIALIST@${unitId}', parent='processing')
node('appraisalGateway', 'xor', 'Kết quả thẩm định?', SX + 255, 235, parent='processing')
node('waitForAppraisalSupplement', 'catch', 'Chờ bổ sung (thời hạn tính lại)', SX + 262, 370, parent='processing',
     body='<bpmn:messageEventDefinition messageRef="message_SupplementProvided" />')
task('consultation', 'Cho ý kiến phối hợp', SX + 225, 90, 'SPECIALIST@${consultedUnit}', parent='processing',
     doc='One task per unit in consultedUnits, all open at once (Decree 61/2018/ND-CP: consulted units answer in parallel, each by its own deadline).')
E[-1]['body'] = '<bpmn:multiInstanceLoopCharacteristics camunda:collection="${consultedUnits}" camunda:elementVariable="consultedUnit" />'
x = SX + 350
if onsite:
    task('onSiteInspection', 'Thẩm định thực tế tại cơ sở', x, 220, 'SPECIALIST@${unitId}', parent='processing')
    x += 150
task('approval', 'Phê duyệt kết quả', x, 220, 'LEADER@${unitId}', parent='processing',
     doc='approvalDecision (APPROVE/REJECT) does not route: a rejection is also a result returned to the applicant.')
task('returnResult', 'Trả kết quả', x + 150, 220, 'RECEPTION@${unitId}', parent='processing')
node('processingEnd', 'end', None, x + 300, 242, parent='processing')
node('deadlineWarningTimer', 'boundary', 'Đã qua 75% thời hạn', SX + 120, SY + SH - 18,
     body='<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${warnAt}</bpmn:timeDate></bpmn:timerEventDefinition>',
     attrs=' attachedToRef="processing" cancelActivity="false"')
node('overdueTimer', 'boundary', 'Quá hạn', SX + 420, SY + SH - 18,
     body='<bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${dueAt}</bpmn:timeDate></bpmn:timerEventDefinition>',
     attrs=' attachedToRef="processing" cancelActivity="false"')
node('warnHandler', 'service', 'Cảnh báo chuyên viên', SX + 83, SY + SH + 60, attrs=' camunda:delegateExpression="${deadlineWarning}"')
node('warned', 'end', None, SX + 240, SY + SH + 82)
node('escalateOverdue', 'service', 'Báo cáo quá hạn', SX + 383, SY + SH + 60, attrs=' camunda:delegateExpression="${overdueEscalation}"')
task('overdueReview', 'Chỉ đạo xử lý hồ sơ quá hạn', SX + 530, SY + SH + 60, 'LEADER@${unitId}',
     doc='Runs beside the processing, which goes on; returning the result ends this task with the process.')
node('overdueReviewed', 'end', None, SX + 690, SY + SH + 82)
node('resultReturned', 'end', 'Đã trả kết quả', SX + SW + 60, 242, body='<bpmn:terminateEventDefinition />',
     doc='Terminates: an overdue review still open when the result is returned is moot and must not keep the dossier running.')
# event sub-processes
for i, (sid, nm, msg, endid, endnm) in enumerate([('withdrawal', 'Rút hồ sơ', 'DossierWithdrawn', 'withdrawn', 'Đã rút hồ sơ'),
                                                  ('stopping', 'Dừng xử lý', 'ProcessingStopped', 'stopped', 'Đã dừng xử lý')]):
    ex = 60 + i * 300
    node(sid, 'eventsub', nm, ex, 620, 250, 140)
    node(sid + 'Start', 'start', nm, ex + 40, 672, parent=sid, attrs=' isInterrupting="true"',
         body=f'<bpmn:messageEventDefinition messageRef="message_{msg}" />')
    node(endid, 'end', endnm, ex + 170, 672, parent=sid)
    flow(f'flow_{sid}', sid + 'Start', endid, parent=sid)

flow('flow_submittedToReception', 'dossierSubmitted', 'reception')
flow('flow_receptionToDecision', 'reception', 'receptionDecisionGateway')
flow('flow_accept', 'receptionDecisionGateway', 'feeGateway', 'Tiếp nhận', "${receptionDecision == 'ACCEPT'}")
flow('flow_requestSupplement', 'receptionDecisionGateway', 'waitForSupplement', 'Yêu cầu bổ sung', "${receptionDecision == 'REQUEST_SUPPLEMENT'}",
     wp=[(310, 285), (310, 360)])
flow('flow_refuse', 'receptionDecisionGateway', 'refused', 'Từ chối', "${receptionDecision == 'REFUSE'}", wp=[(310, 235), (310, 146)])
flow('flow_supplementToReception', 'waitForSupplement', 'reception', wp=[(310, 396), (185, 396), (185, 300)])
flow('flow_feeDue', 'feeGateway', 'waitForPayment', 'Có phí', '${feeVnd > 0}', wp=[(400, 235), (400, 178), (462, 178)])
flow('flow_noFee', 'feeGateway', 'processing', 'Miễn phí', '${feeVnd == 0}')
flow('flow_paid', 'waitForPayment', 'processing', wp=[(498, 178), (520, 178), (520, 260), (SX, 260)])
flow('flow_startToAppraisal', 'processingStart', 'appraisal', parent='processing')
flow('flow_appraisalToDecision', 'appraisal', 'appraisalGateway', parent='processing')
first = 'onSiteInspection' if onsite else 'approval'
flow('flow_appraised', 'appraisalGateway', first, 'Đã thẩm định',
     "${appraisalOutcome == 'FAVOURABLE' || appraisalOutcome == 'UNFAVOURABLE'}", parent='processing')
flow('flow_appraisalSupplement', 'appraisalGateway', 'waitForAppraisalSupplement', 'Yêu cầu bổ sung',
     "${appraisalOutcome == 'REQUEST_SUPPLEMENT'}", parent='processing', wp=[(SX + 280, 285), (SX + 280, 370)])
flow('flow_appraisalSupplemented', 'waitForAppraisalSupplement', 'appraisal', parent='processing',
     wp=[(SX + 262, 388), (SX + 155, 388), (SX + 155, 300)])
flow('flow_consult', 'appraisalGateway', 'consultation', 'Lấy ý kiến', "${appraisalOutcome == 'CONSULT'}", parent='processing',
     wp=[(SX + 280, 235), (SX + 280, 170)])
flow('flow_consulted', 'consultation', 'appraisal', parent='processing', wp=[(SX + 225, 130), (SX + 155, 130), (SX + 155, 220)])
if onsite:
    flow('flow_inspected', 'onSiteInspection', 'approval', parent='processing')
flow('flow_approvalToReturn', 'approval', 'returnResult', parent='processing')
flow('flow_returnToEnd', 'returnResult', 'processingEnd', parent='processing')
flow('flow_processed', 'processing', 'resultReturned')
flow('flow_warn', 'deadlineWarningTimer', 'warnHandler', wp=[(SX + 138, SY + SH + 18), (SX + 138, SY + SH + 60)])
flow('flow_warned', 'warnHandler', 'warned')
flow('flow_overdue', 'overdueTimer', 'escalateOverdue', wp=[(SX + 438, SY + SH + 18), (SX + 438, SY + SH + 60)])
flow('flow_escalated', 'escalateOverdue', 'overdueReview')
flow('flow_reviewed', 'overdueReview', 'overdueReviewed')

by = {e['id']: e for e in E}
for f in F:
    by[f['s']].setdefault('out', []).append(f['id']); by[f['t']].setdefault('in', []).append(f['id'])
tags = {'start': 'startEvent', 'end': 'endEvent', 'catch': 'intermediateCatchEvent', 'xor': 'exclusiveGateway',
        'task': 'userTask', 'service': 'serviceTask', 'boundary': 'boundaryEvent', 'sub': 'subProcess', 'eventsub': 'subProcess'}
def esc(s): return s.replace('&', '&amp;').replace('"', '&quot;').replace('<', '&lt;')
def render(parent, indent):
    out = []
    pad = ' ' * indent
    for e in E:
        if e['parent'] != parent: continue
        tag = tags[e['kind']]
        attrs = f' id="{e["id"]}"' + (f' name="{esc(e["name"])}"' if e['name'] else '') + e['attrs']
        if e['kind'] == 'eventsub': attrs += ' triggeredByEvent="true"'
        inner = [f'{pad}  <bpmn:documentation>{esc(e["doc"])}</bpmn:documentation>'] if e['doc'] else []
        inner += [f'{pad}  <bpmn:incoming>{i}</bpmn:incoming>' for i in e.get('in', [])]
        inner += [f'{pad}  <bpmn:outgoing>{o}</bpmn:outgoing>' for o in e.get('out', [])]
        if e['body']: inner.append(pad + '  ' + e['body'])
        if e['kind'] in ('sub', 'eventsub'):
            inner += render(e['id'], indent + 2)
        if inner:
            out.append(f'{pad}<bpmn:{tag}{attrs}>'); out += inner; out.append(f'{pad}</bpmn:{tag}>')
        else:
            out.append(f'{pad}<bpmn:{tag}{attrs} />')
    for f in F:
        if f['parent'] != parent: continue
        a = f' id="{f["id"]}"' + (f' name="{esc(f["name"])}"' if f['name'] else '') + f' sourceRef="{f["s"]}" targetRef="{f["t"]}"'
        if f['cond']:
            out.append(f'{pad}<bpmn:sequenceFlow{a}>')
            out.append(f'{pad}  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{esc(f["cond"])}</bpmn:conditionExpression>')
            out.append(f'{pad}</bpmn:sequenceFlow>')
        else:
            out.append(f'{pad}<bpmn:sequenceFlow{a} />')
    return out
def centre(e, side):
    if side == 'r': return (e['x'] + e['w'], e['y'] + e['h'] // 2)
    return (e['x'], e['y'] + e['h'] // 2)
di = []
for e in E:
    extra = ' isExpanded="true"' if e['kind'] in ('sub', 'eventsub') else ''
    di.append(f'      <bpmndi:BPMNShape id="{e["id"]}_di" bpmnElement="{e["id"]}"{extra}><dc:Bounds x="{e["x"]}" y="{e["y"]}" width="{e["w"]}" height="{e["h"]}" /></bpmndi:BPMNShape>')
for f in F:
    s, t = by[f['s']], by[f['t']]
    pts = [centre(s, 'r')] + (f['wp'] or []) + [centre(t, 'l')]
    if f['wp']: pts = f['wp'] if len(f['wp']) >= 2 else pts
    if len(pts) < 2: pts = [centre(s, 'r'), centre(t, 'l')]
    w = ''.join(f'<di:waypoint x="{x}" y="{y}" />' for x, y in pts)
    di.append(f'      <bpmndi:BPMNEdge id="{f["id"]}_di" bpmnElement="{f["id"]}">{w}</bpmndi:BPMNEdge>')
print(f'''<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
                  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                  xmlns:di="http://www.omg.org/spec/DD/20100524/DI"
                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  id="definitions_{key}" targetNamespace="https://motcua.vn/bpmn" exporter="motcua" exporterVersion="0.3.0">

  <bpmn:message id="message_SupplementProvided" name="SupplementProvided" />
  <bpmn:message id="message_PaymentReceived" name="PaymentReceived" />
  <bpmn:message id="message_DossierWithdrawn" name="DossierWithdrawn" />
  <bpmn:message id="message_ProcessingStopped" name="ProcessingStopped" />

  <bpmn:process id="{key}" name="{esc(name)}" isExecutable="true" camunda:historyTimeToLive="3650">
    <bpmn:documentation>Thủ tục {esc(code)}. Decree 61/2018/ND-CP flows: reception (one supplement request), fee, processing with appraisal (one supplement request within 3 working days; the time limit then restarts), parallel consultation of other units{", on-site inspection" if onsite else ""}, the leader's decision and the return of the result; deadline warning at 75% of the time and escalation to the unit head when overdue; withdrawal and stopping at any time. The model says who does what next; the Dossier aggregate decides what is allowed.</bpmn:documentation>
''' + '\n'.join(render('process', 4)) + f'''
  </bpmn:process>

  <bpmndi:BPMNDiagram id="diagram_{key}">
    <bpmndi:BPMNPlane id="plane_{key}" bpmnElement="{key}">
''' + '\n'.join(di) + '''
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>''')

# Fieldbase — 한국어

app-name = Fieldbase
app-tagline = 현장에서도, 오프라인에서도 내 고객을 한곳에.
loading = 고객 데이터를 여는 중…

## Sign in

login-title = 로그인
login-username = 사용자 이름
login-password = 비밀번호
login-submit = 로그인
login-busy = 로그인 중…
login-error-credentials = 사용자 이름 또는 비밀번호가 올바르지 않습니다.
login-error-network = 서버에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.
login-error-server = 서버 오류가 발생했습니다({ $status }). 나중에 다시 시도하세요.
login-error-storage = 이 기기에 로그인 정보를 저장하지 못했습니다: { $reason }
login-offline-note = 처음 로그인한 뒤에는 인터넷 연결 없이도 Fieldbase를 사용할 수 있습니다.
login-missing = 사용자 이름과 비밀번호를 입력하세요.

## Header

logout = 로그아웃
logout-confirm = 아직 서버에 전송되지 않은 변경 { $count }건이 사라집니다. 그래도 로그아웃할까요?
language = 언어
signed-in-as = { $rep }(으)로 로그인됨

## Sync status bar

sync-offline = 오프라인
sync-connecting = 연결 중…
sync-syncing = 동기화 중…
sync-synced = 동기화됨
sync-pending = 전송되지 않은 변경 { $count }건
sync-all-sent = 모든 변경 전송됨
sync-last = 마지막 동기화 { $time }
sync-never = 아직 동기화되지 않음
sync-retry = 다시 시도
sync-session-expired = 세션이 만료되었습니다. 동기화하려면 다시 로그인하세요. 변경 내용은 이 기기에 남아 있습니다.
sync-relogin = 다시 로그인

## Client list

clients-title = 고객
clients-count = 고객 { $count }명
clients-empty = 아직 고객이 없습니다. 양식으로 첫 고객을 추가하세요.
client-status-prospect = 잠재 고객
client-status-lead = 관심 고객
client-status-active = 거래 중
client-status-key = 핵심 고객
client-status-dormant = 휴면
client-status-lost = 이탈
client-no-contact = 연락처 없음

## Add a client

add-title = 새 고객
field-name = 이름
field-phone = 전화번호
field-email = 이메일
field-optional = 선택 사항
placeholder-name = 회사 또는 개인
placeholder-phone = +82 10 1234 5678
placeholder-email = name@company.co.kr
add-submit = 고객 추가
add-saving = 저장 중…
add-saved = { $name }을(를) 이 기기에 저장했습니다.
add-failed = 이 기기에 저장하지 못했습니다: { $reason }

## Validation

invalid-empty = 이름을 입력하세요.
invalid-too-long = 200자 이하로 입력하세요.
invalid-control-chars = 제어 문자를 지우세요.
invalid-phone-chars = 숫자, 공백, - . ( ) / 만 사용할 수 있습니다.
invalid-phone-country = 국가 번호를 넣으세요. 예: +82 10 1234 5678
invalid-phone-zero = 국가 번호는 0으로 시작하지 않습니다.
invalid-phone-length = 전화번호는 8~15자리입니다.
invalid-email-no-at = 이메일 주소에는 @가 필요합니다.
invalid-email-local-length = @ 앞에 1~64자를 입력하세요.
invalid-email-local-chars = @ 앞의 공백이나 두 번째 @를 지우세요.
invalid-email-dot = @ 앞의 점 위치가 잘못되었습니다.
invalid-email-domain-dot = @ 뒤에는 점이 있는 도메인이 와야 합니다. 예: company.co.kr
invalid-email-domain = @ 뒤의 도메인이 올바르지 않습니다.
invalid-bad-date = 12-31 또는 1980-12-31 형식으로 날짜를 입력하세요.
invalid-bad-currency = EUR, KRW 같은 통화 코드를 입력하세요.
invalid-bad-amount = 1 234 같은 금액을 입력하세요.
invalid-currency-mismatch = 다른 통화의 금액입니다.
invalid-amount-overflow = 금액이 너무 큽니다.
invalid-unknown-channel = 전화, SMS, 이메일, WhatsApp, Telegram, Viber, 방문 중에서 선택하세요.
invalid-bad-language = ko, en, cs 같은 언어 코드를 입력하세요.
invalid-bad-time = 09:30 형식으로 시간을 입력하세요.
invalid-bad-time-zone = Asia/Seoul 또는 UTC 같은 시간대를 입력하세요.
invalid-text-too-long = 텍스트가 10,000자를 넘습니다.
invalid-duration-too-long = 시간은 24시간을 넘을 수 없습니다.
invalid-bad-tax-id = 사업자 번호에는 문자, 숫자, 공백과 - / . 만 쓸 수 있습니다.
invalid-bad-website = 웹 주소는 example.com 같은 형식입니다.
invalid-out-of-range = 허용 범위를 벗어난 숫자입니다.
invalid-bad-tag = 태그는 50자 이하이며 콜론을 쓸 수 없습니다.
invalid-end-before-start = 종료일은 시작일보다 앞설 수 없습니다.
invalid-bad-country = KR, CZ 같은 두 글자 국가 코드를 쓰세요.
invalid-reason-required = 이 상태에는 사유가 필요합니다.
invalid-signed-needs-date = 서명된 계약에는 서명 날짜가 필요합니다.
invalid-bad-handle = 아이디는 공백 없이 1~100자입니다.
invalid-other = 올바르지 않은 값입니다.

## Storage

storage-unavailable = 이 브라우저에서는 Fieldbase가 기기에 데이터를 저장할 수 없습니다: { $reason }
storage-failed = 이 기기에 저장하지 못했습니다: { $reason }

## Shell, Clients, Today, Settings
nav-label = 주 메뉴
nav-today = 오늘
nav-clients = 고객
nav-capture = 리드
nav-plan = 계획
nav-reports = 보고서
nav-settings = 설정
clients-search = 이름, 담당자, 전화, 이메일, 태그 검색
clients-filters = 필터
clients-none-match = 일치하는 고객이 없습니다.
field-status = 상태
field-segment = 세그먼트
field-tag = 태그
filter-any-status = 모든 상태
filter-any-segment = 모든 세그먼트
filter-any-tag = 모든 태그
filter-mine = 내 고객
filter-overdue = 연체 채권
sort-next-step = 다음 단계순
segment-key = 핵심
segment-corporate = 기업
segment-retail = 소매
task-kind-call = 전화
task-kind-visit = 방문
task-kind-send_offer = 견적 보내기
task-kind-reconcile = 대사
task-kind-greet = 축하 인사
task-kind-collect_debt = 채권 회수
task-kind-other = 기타
today-targets = 오늘의 목표
today-counter-calls = 전화
today-counter-email-offers = 이메일 견적
today-counter-phone-offers = 전화 견적
today-overdue = 기한 지남
today-due = 오늘 할 일
today-nothing-due = 오늘 예정된 일이 없습니다.
today-due-on = 기한 { $date }
today-mark-done = 완료 표시: { $client }
today-greetings = 이번 주 생일과 기념일
today-greet = 축하하기
today-birthday-greeting = { $name }님 생일 축하
today-today = 오늘
today-tomorrow = 내일
today-overdue-invoices = 연체 청구서
today-days-overdue =
    { $count ->
       *[other] { $count }일 연체
    }
today-follow-ups = 예정된 다음 단계
settings-time-zone = 시간대
settings-current-event = 리드 수집 행사
settings-no-event = 없음
settings-targets = 나의 목표
settings-contracts-per-month = 월 신규 계약

## Reports
report-prev = 이전 달
report-next = 다음 달
report-month-label = 월
report-monthly = 월간 보고서
report-working-days =
    { $count ->
       *[other] 근무일 { $count }일
    }
report-metric = 항목
report-done = 실적
report-target = 목표
report-calls = 통화
report-visits = 방문 및 미팅
report-email-offers = 이메일 견적
report-phone-offers = 전화 견적
report-new-clients = 신규 고객
report-new-contracts = 신규 계약
report-deals-won = 성사된 거래
report-turnover = 매출
report-plan = 계획
report-collected = 수금액
report-overdue = 월말 연체액
report-no-plan = 계획 없음
report-progress-chart = 월간 목표 달성률
report-of-plan = 계획 대비 { $percent }
report-plan-fact = 계획 대비 실적
report-managers =
    { $count ->
       *[other] 담당자 { $count }명
    }
report-chart-turnover = 담당자별 계획 대비 매출 ({ $value })
report-chart-contracts = 담당자별 목표 대비 신규 계약
report-manager = 담당자
report-team-total = 팀 합계
report-fact = 실적
report-own-only = 본인 실적만 표시됩니다. 영업 책임자는 모든 담당자를 볼 수 있습니다.
report-funnel = 거래 퍼널
report-funnel-chart = 단계별 거래
report-stage = 단계
report-deal-count = 거래 수
report-amount = 금액
report-deals =
    { $count ->
       *[other] 거래 { $count }건
    }
report-win-rate = 성사율: { $percent }
report-win-rate-none = 아직 종료된 거래가 없습니다.
report-stage-draft = 작성 중
report-stage-sent = 견적 발송
report-stage-negotiation = 협상
report-stage-won = 성사
report-stage-lost = 실패
report-ageing = 채권 연령 분석
report-ageing-chart = 연체 일수별 미수금 ({ $value })
report-ageing-as-of = { $date } 기준
report-ageing-none = 미수금이 없습니다.
report-bucket = 연체
report-bucket-not-due = 만기 전
report-bucket-1-30 = 1–30일
report-bucket-31-60 = 31–60일
report-bucket-61-90 = 61–90일
report-bucket-90-plus = 90일 초과
report-total = 합계
report-no-data = 이번 달 기록이 없습니다.

## Capture and plan
capture-title = 리드 수집
capture-event = 행사
capture-event-unknown = 아직 동기화되지 않은 행사
capture-events-later = 행사 목록은 다음 동기화 때 받아집니다. 리드는 그래도 저장됩니다.
capture-new-event = 새 행사
capture-event-name = 행사 이름
capture-event-place = 장소
capture-event-starts = 시작일
capture-event-ends = 종료일
capture-event-create = 만들고 선택
capture-cancel = 취소
capture-lead = 새 리드
capture-count =
    { $count ->
       *[other] 오늘 이 행사에서 리드 { $count }건
    }
capture-count-no-event =
    { $count ->
       *[other] 오늘 행사 없이 리드 { $count }건
    }
capture-company = 회사
capture-person = 담당자
capture-person-placeholder = 이름
capture-interest = 관심 사항
capture-interest-placeholder = 무엇을 찾고 있나요?
capture-temperature = 관심도
capture-temp-hot = 핫
capture-temp-warm = 웜
capture-temp-cold = 콜드
capture-note = 메모
capture-need-name = 회사나 담당자를 입력하세요.
capture-save = 리드 저장
capture-saved = { $name }이(가) 이 기기에 저장되었습니다.
capture-next = 다음 리드
capture-scan = 명함 QR 코드 스캔
capture-scan-stop = 스캔 중지
capture-scan-hint = 카메라를 vCard 또는 MECARD QR 코드에 맞추세요.
capture-scan-starting = 카메라를 여는 중…
capture-scan-not-card = 이 QR 코드에는 연락처가 없습니다. 다른 코드를 시도하세요.
capture-scan-filled = QR 코드에서 채웠습니다. 확인 후 저장하세요.
capture-no-camera = 여기서는 카메라를 쓸 수 없습니다({ $reason }). 직접 입력하세요.
plan-title = 주간 계획
plan-prev-week = 지난주
plan-next-week = 다음 주
plan-this-week = 이번 주
plan-week-total =
    { $count ->
       *[other] 전화·방문 { $count }건
    }
plan-empty-day = 계획 없음
plan-no-time = 시간 무관
plan-move-prev = { $client }을(를) 하루 앞으로 옮기기
plan-move-next = { $client }을(를) 다음 날로 옮기기
plan-move-date = { $client }의 날짜 변경
plan-moved = { $client }을(를) { $date }(으)로 옮겼습니다.
plan-move-failed = 작업을 옮기지 못했습니다: { $reason }

## Clients: new client
clients-new = 새 고객

## Sync: progress and sync now
sync-docs-left =
    { $count ->
       *[other] 남은 문서 { $count }개
    }
sync-now = 지금 동기화

## Client card
card-back = 고객
card-not-found = 이 기기에 없는 고객입니다.
card-restricted = 접근 제한
card-owner = 담당자: { $name }
card-rating = 등급 { $value }
card-conflicts =
    { $count ->
       *[other] 충돌 { $count }건
    }
card-conflicts-title = 충돌하는 수정
card-conflicts-note = 두 기기에서 이 항목을 동시에 바꿨습니다. 남길 값을 고르세요.
card-conflict-by = { $who }, { $time }
card-conflict-by-unknown = 작성자 알 수 없음
card-conflict-current = 현재 표시됨
card-conflict-keep = 유지
card-saved = 이 기기에 저장했습니다.
card-failed = 저장하지 못했습니다: { $reason }
card-save = 저장
card-edit = 수정
card-edit-card = 카드 수정
card-edit-main = 이름, 연락처, 상태
card-edit-details = 조건 및 세부 정보
card-empty-value = (비어 있음)
card-yes = 예
card-no = 아니요
card-not-set = 설정 안 됨
card-none = 없음
card-percent = { $percent }%
card-days =
    { $count ->
       *[other] { $count }일
    }
card-facts = 조건 및 잔액
card-outstanding = 미수금
card-overdue = 연체
card-field-lost_reason = 이탈 사유
card-field-legal_name = 법인명
card-field-tax_id = 사업자등록번호
card-field-industry = 업종
card-field-source = 유입 경로
card-field-source_event = 행사
card-field-referred_by = 추천인
card-field-owner = 담당자
card-field-website = 웹사이트
card-field-price_type = 가격 유형
card-field-discount_bp = 할인, %
card-field-payment_days = 결제 기한(일)
card-field-credit_limit = 신용 한도
card-field-currency = 통화
card-field-rating = 등급
card-field-rating_checked = 등급 확인일
card-field-rating_note = 등급 메모
card-field-next_step = 다음 단계
card-field-next_step_date = 다음 단계 날짜
card-field-restricted = 담당자 전용
card-contacts = 연락처
card-no-contacts = 아직 연락처가 없습니다.
card-add-contact = 연락처 추가
card-contact-position = 직책
card-contact-role = 역할
card-contact-birthday = 생일 (MM-DD 또는 YYYY-MM-DD)
card-call-name = { $name }에게 전화
card-mail-name = { $name }에게 이메일
card-log = 상담 기록
card-log-submit = 기록
card-kind = 유형
card-outcome = 결과
card-direction = 시작한 쪽
card-direction-in = 고객
card-direction-out = 우리
card-contact = 연락처
card-no-contact-choice = 특정인 없음
card-minutes = 소요 시간(분)
card-note = 메모
card-next-step-add = 다음 단계 계획
card-next-kind = 다음 단계
card-next-date = 기한
card-next-time = 시간
card-next-note = 할 일
card-interaction-call = 전화
card-interaction-visit = 방문
card-interaction-meeting = 미팅
card-interaction-email = 이메일
card-interaction-offer_email = 이메일 제안
card-interaction-offer_phone = 전화 제안
card-interaction-exhibition = 전시회
card-interaction-complaint = 불만
card-interaction-reconciliation = 정산 대사
card-outcome-reached = 통화됨
card-outcome-no_answer = 응답 없음
card-outcome-call_back = 다시 연락
card-outcome-interested = 관심 있음
card-outcome-not_interested = 관심 없음
card-outcome-offer_requested = 제안 요청
card-outcome-other = 기타
card-timeline = 타임라인
card-timeline-empty = 아직 아무것도 없습니다.
card-deal = 제안
card-contract = 계약
card-order = 주문
card-invoice = 청구서
card-complaint = 불만
card-lines-count =
    { $count ->
       *[other] { $count }개 품목
    }
card-cancelled = 취소됨
card-owed = 미수 { $amount }
card-paid-in-full = 완납
card-deals = 거래 및 제안
card-new-deal = 새 거래
card-deal-title = 내용
card-stage = 단계
card-stage-draft = 초안
card-stage-sent = 발송됨
card-stage-negotiation = 협상 중
card-stage-won = 성사
card-stage-lost = 실패
card-amount = 금액
card-probability = 확률, %
card-expected-close = 예상 종료일
card-closes-on = { $date } 종료 예정
card-channel = 제안 전달 방식
card-channel-none = 아직 안 보냄
card-channel-email = 이메일
card-channel-phone = 전화
card-channel-in_person = 직접 전달
card-sent-on = 발송일
card-contracts = 계약
card-new-contract = 새 계약
card-number = 번호
card-contract-status-draft = 초안
card-contract-status-signed = 체결됨
card-contract-status-expired = 만료됨
card-contract-status-terminated = 해지됨
card-signed = 체결일
card-valid-from = 시작일
card-valid-to = 종료일
card-renewal-days = 종료 며칠 전 알림
card-orders = 주문
card-new-order = 새 주문
card-order-status-received = 접수됨
card-order-status-confirmed = 확정됨
card-order-status-shipped = 출고됨
card-order-status-delivered = 배송 완료
card-order-status-returned = 반품됨
card-order-status-refused = 거절됨
card-status-reason = 사유
card-received-on = 접수일
card-received = { $date } 접수
card-delivered-on = 배송일
card-lines = 품목
card-add-line = 품목 추가
card-line-name = 제품
card-sku = SKU
card-quantity = 수량
card-price = 단가
card-out-of-stock = 재고 없음
card-promised = 약속 날짜
card-promised-on = { $date } 약속
card-analog = 대체품 (SKU)
card-analog-value = 대체품 { $value }
card-logistics-requested = 물류팀에 입고 요청함
card-logistics-asked = 물류 요청됨
card-logistics-note = 물류 답변 또는 메모
card-invoices = 청구서
card-new-invoice = 새 청구서
card-issued = 발행일
card-due = 지급 기한
card-due-on = { $date }까지
card-payments = 결제 내역
card-record-payment = 결제 기록
card-payment-date = 결제일
card-complaints = 불만 사항
card-new-complaint = 새 불만 접수
card-subject = 문제 내용
card-complaint-status-open = 접수됨
card-complaint-status-in_progress = 처리 중
card-complaint-status-resolved = 해결됨
card-complaint-status-rejected = 기각됨
card-opened = 접수일
card-opened-on = { $date } 접수
card-closed = 종결일
card-resolution = 처리 결과
card-notes = 메모
card-notes-hint = 팀 전체가 편집할 수 있으며 입력하는 대로 저장됩니다.
card-notes-failed = 메모를 저장하지 못했습니다.
card-history = 변경 이력
card-history-all =
    { $count ->
       *[other] 변경 { $count }건 모두 보기
    }
card-as-of = 이 날짜의 카드 보기
card-as-of-title = { $date } 기준
card-as-of-none = { $date }에는 아직 카드가 없었습니다.

## Today: one tap to log the outcome
today-log-outcome = 결과
today-log-outcome-of = 결과 기록: { $client }
outcome-reached = 통화함
outcome-no_answer = 부재중
outcome-call_back = 다시 전화

## A new version
update-available = Fieldbase 새 버전이 준비되었습니다. 입력한 내용은 모두 이 기기에 저장되어 있습니다.
update-reload = 새로 고침

## Sync: changes the server refused
sync-refused =
    { $count ->
       *[other] 서버가 받아들이지 않은 변경 { $count }건
    }

## Reports: the month's funnel
report-funnel-month-rule = { $month }에 현재 단계에 도달한 거래: 성사·실패는 종료일, 발송·협상 중은 제안 발송일, 초안은 생성일 기준입니다.

## Settings: targets (only a head of sales edits the plan)
settings-targets-read-only = 목표와 역할은 영업 책임자가 정하며, 책임자만 변경할 수 있습니다.
settings-team-targets = 팀 목표
settings-team-targets-note = 영업 책임자로서 각 담당자의 역할과 목표를 정합니다. 담당자는 자신의 목표만 봅니다. 서버의 접근 권한은 관리자가 설정합니다.
settings-turnover-per-month = 월 매출 목표
settings-manager-add = 담당자 추가
settings-manager-login = 로그인 ID
settings-manager-name = 이름
settings-manager-role = 역할
settings-role-rep = 영업 담당자
settings-role-key_account_manager = 핵심 고객 담당자
settings-role-head = 영업 책임자

## Clients: owner and event filters, saved views
filter-owner = 담당자
filter-any-owner = 모든 담당자
filter-event = 행사
filter-any-event = 모든 행사
views-title = 저장된 보기
views-new = 보기 저장
views-name = 보기 이름
views-save = 저장
views-cancel = 취소
views-delete = { $name } 보기 삭제

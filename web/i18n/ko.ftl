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

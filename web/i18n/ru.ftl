# Fieldbase — русский

app-name = Fieldbase
app-tagline = Ваши клиенты в дороге — с сетью и без неё.
loading = Открываю базу клиентов…

## Sign in

login-title = Вход
login-username = Имя пользователя
login-password = Пароль
login-submit = Войти
login-busy = Вхожу…
login-error-credentials = Неверное имя пользователя или пароль.
login-error-network = Сервер недоступен. Проверьте подключение и попробуйте снова.
login-error-server = Сервер ответил ошибкой ({ $status }). Попробуйте позже.
login-error-storage = Не удалось сохранить вход на устройстве: { $reason }
login-offline-note = После первого входа Fieldbase работает без подключения.
login-missing = Введите имя пользователя и пароль.

## Header

logout = Выйти
logout-confirm =
    { $count ->
        [one] { $count } изменение ещё не дошло до сервера и будет потеряно. Всё равно выйти?
        [few] { $count } изменения ещё не дошли до сервера и будут потеряны. Всё равно выйти?
       *[other] { $count } изменений ещё не дошли до сервера и будут потеряны. Всё равно выйти?
    }
language = Язык
signed-in-as = Вы вошли как { $rep }

## Sync status bar

sync-offline = Нет сети
sync-connecting = Подключение…
sync-syncing = Синхронизация…
sync-synced = Синхронизировано
sync-pending =
    { $count ->
        [one] { $count } изменение не отправлено
        [few] { $count } изменения не отправлены
       *[other] { $count } изменений не отправлено
    }
sync-all-sent = Все изменения отправлены
sync-last = Последняя синхронизация { $time }
sync-never = Ещё не синхронизировано
sync-retry = Повторить
sync-session-expired = Сеанс истёк. Войдите снова, чтобы синхронизировать — изменения сохранены на устройстве.
sync-relogin = Войти снова

## Client list

clients-title = Клиенты
clients-count =
    { $count ->
        [one] { $count } клиент
        [few] { $count } клиента
       *[other] { $count } клиентов
    }
clients-empty = Клиентов пока нет. Добавьте первого с помощью формы.
client-status-prospect = Потенциальный
client-status-lead = Интерес
client-status-active = Активный
client-status-key = Ключевой
client-status-dormant = Неактивный
client-status-lost = Потерян
client-no-contact = Нет контактов

## Add a client

add-title = Новый клиент
field-name = Название
field-phone = Телефон
field-email = E-mail
field-optional = необязательно
placeholder-name = Компания или человек
placeholder-phone = +7 912 345 67 89
placeholder-email = imya@kompaniya.ru
add-submit = Добавить клиента
add-saving = Сохраняю…
add-saved = { $name } сохранён на устройстве.
add-failed = Не удалось сохранить на устройстве: { $reason }

## Validation

invalid-empty = Введите название.
invalid-too-long = Не более 200 символов.
invalid-control-chars = Удалите управляющие символы.
invalid-phone-chars = Только цифры, пробелы и - . ( ) /
invalid-phone-country = Укажите код страны, например +7 912 345 67 89.
invalid-phone-zero = Код страны никогда не начинается с 0.
invalid-phone-length = В номере телефона от 8 до 15 цифр.
invalid-email-no-at = В адресе e-mail нужен символ @.
invalid-email-local-length = До @ должно быть от 1 до 64 символов.
invalid-email-local-chars = Уберите пробел или второй @ перед @.
invalid-email-dot = Точка перед @ стоит не на месте.
invalid-email-domain-dot = После @ нужен домен с точкой, например firma.ru.
invalid-email-domain = Домен после @ недействителен.
invalid-bad-date = Введите дату в виде 12-31 или 1980-12-31.
invalid-bad-currency = Введите код валюты, например EUR или RUB.
invalid-bad-amount = Введите сумму, например 1 234,50.
invalid-currency-mismatch = Эта сумма в другой валюте.
invalid-amount-overflow = Слишком большая сумма.
invalid-unknown-channel = Выберите телефон, SMS, e-mail, WhatsApp, Telegram, Viber или визит.
invalid-bad-language = Введите код языка, например ru, en или cs.
invalid-bad-time = Введите время в виде 09:30.
invalid-bad-time-zone = Введите часовой пояс, например Europe/Moscow или UTC.
invalid-text-too-long = Текст длиннее 10 000 символов.
invalid-duration-too-long = Длительность не может превышать 24 часа.
invalid-bad-tax-id = ИНН может содержать только буквы, цифры, пробелы и - / .
invalid-bad-website = Веб-адрес выглядит как example.ru.
invalid-out-of-range = Число вне допустимого диапазона.
invalid-bad-tag = Метка — не длиннее 50 символов и без двоеточия.
invalid-end-before-start = Конец не может быть раньше начала.
invalid-bad-country = Укажите двухбуквенный код страны, например RU или CZ.
invalid-reason-required = Для этого статуса укажите причину.
invalid-signed-needs-date = Для подписанного договора нужна дата подписания.
invalid-bad-handle = Идентификатор — от 1 до 100 символов без пробелов.
invalid-other = Недопустимое значение.

## Storage

storage-unavailable = Браузер не позволяет Fieldbase хранить данные на устройстве: { $reason }
storage-failed = Не удалось сохранить на устройстве: { $reason }

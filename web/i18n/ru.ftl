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

## Shell, Clients, Today, Settings
nav-label = Главное меню
nav-today = Сегодня
nav-clients = Клиенты
nav-capture = Лид
nav-plan = План
nav-reports = Отчёты
nav-settings = Настройки
clients-search = Поиск: название, контакт, телефон, e-mail, метка
clients-filters = Фильтры
clients-none-match = Нет подходящих клиентов.
field-status = Статус
field-segment = Сегмент
field-tag = Метка
filter-any-status = Любой статус
filter-any-segment = Любой сегмент
filter-any-tag = Любая метка
filter-mine = Мои
filter-overdue = Просроченный долг
sort-next-step = По следующему шагу
segment-key = Ключевой
segment-corporate = Корпоративный
segment-retail = Розница
task-kind-call = Звонок
task-kind-visit = Визит
task-kind-send_offer = Отправить КП
task-kind-reconcile = Сверка
task-kind-greet = Поздравить
task-kind-collect_debt = Взыскать долг
task-kind-other = Другое
today-targets = Цели на сегодня
today-counter-calls = Звонки
today-counter-email-offers = КП по почте
today-counter-phone-offers = КП по телефону
today-overdue = Просрочено
today-due = На сегодня
today-nothing-due = На сегодня ничего не запланировано.
today-due-on = срок { $date }
today-mark-done = Отметить выполненным: { $client }
today-greetings = Дни рождения и праздники на неделе
today-greet = Поздравить
today-birthday-greeting = Поздравление с днём рождения: { $name }
today-today = сегодня
today-tomorrow = завтра
today-overdue-invoices = Просроченные счета
today-days-overdue =
    { $count ->
        [one] просрочка { $count } день
        [few] просрочка { $count } дня
       *[other] просрочка { $count } дней
    }
today-follow-ups = Следующие шаги
settings-time-zone = Часовой пояс
settings-current-event = Мероприятие для лидов
settings-no-event = Нет
settings-targets = Ваши цели
settings-contracts-per-month = Новых договоров в месяц

## Reports
report-prev = Предыдущий месяц
report-next = Следующий месяц
report-month-label = Месяц
report-monthly = Отчёт за месяц
report-working-days =
    { $count ->
        [one] { $count } рабочий день
        [few] { $count } рабочих дня
        [many] { $count } рабочих дней
       *[other] { $count } рабочего дня
    }
report-metric = Показатель
report-done = Факт
report-target = Цель
report-calls = Звонки
report-visits = Визиты и встречи
report-email-offers = КП по e-mail
report-phone-offers = КП по телефону
report-new-clients = Новые клиенты
report-new-contracts = Новые договоры
report-deals-won = Выигранные сделки
report-turnover = Оборот
report-plan = План
report-collected = Получено оплат
report-overdue = Просрочено на конец месяца
report-no-plan = План не задан
report-progress-chart = Выполнение целей месяца
report-of-plan = { $percent } плана
report-plan-fact = План и факт
report-managers =
    { $count ->
        [one] { $count } менеджер
        [few] { $count } менеджера
        [many] { $count } менеджеров
       *[other] { $count } менеджера
    }
report-chart-turnover = Оборот и план по менеджерам, { $value }
report-chart-contracts = Новые договоры и цель по менеджерам
report-manager = Менеджер
report-team-total = Итого по команде
report-fact = Факт
report-own-only = Здесь ваши показатели; руководитель отдела продаж видит всех менеджеров.
report-funnel = Воронка сделок
report-funnel-chart = Сделки по этапам
report-stage = Этап
report-deal-count = Сделки
report-amount = Сумма
report-deals =
    { $count ->
        [one] { $count } сделка
        [few] { $count } сделки
        [many] { $count } сделок
       *[other] { $count } сделки
    }
report-win-rate = Доля выигранных: { $percent }
report-win-rate-none = Закрытых сделок пока нет.
report-stage-draft = Черновик
report-stage-sent = КП отправлено
report-stage-negotiation = Переговоры
report-stage-won = Выиграна
report-stage-lost = Проиграна
report-ageing = Старение дебиторской задолженности
report-ageing-chart = Задолженность по срокам просрочки, { $value }
report-ageing-as-of = На { $date }
report-ageing-none = Задолженности нет.
report-bucket = Просрочка
report-bucket-not-due = Срок не наступил
report-bucket-1-30 = 1–30 дней
report-bucket-31-60 = 31–60 дней
report-bucket-61-90 = 61–90 дней
report-bucket-90-plus = Более 90 дней
report-total = Итого
report-no-data = За этот месяц данных нет.

## Capture and plan
capture-title = Сбор лидов
capture-event = Мероприятие
capture-event-unknown = Мероприятие ещё не синхронизировано
capture-events-later = Список мероприятий придёт со следующей синхронизацией. Лиды всё равно сохраняются.
capture-new-event = Новое мероприятие
capture-event-name = Название
capture-event-place = Место
capture-event-starts = Первый день
capture-event-ends = Последний день
capture-event-create = Создать и выбрать
capture-cancel = Отмена
capture-lead = Новый лид
capture-count =
    { $count ->
        [one] { $count } лид сегодня на этом мероприятии
        [few] { $count } лида сегодня на этом мероприятии
        [many] { $count } лидов сегодня на этом мероприятии
       *[other] { $count } лида сегодня на этом мероприятии
    }
capture-count-no-event =
    { $count ->
        [one] { $count } лид сегодня без мероприятия
        [few] { $count } лида сегодня без мероприятия
        [many] { $count } лидов сегодня без мероприятия
       *[other] { $count } лида сегодня без мероприятия
    }
capture-company = Компания
capture-person = Контактное лицо
capture-person-placeholder = Имя и фамилия
capture-interest = Интерес
capture-interest-placeholder = Что их интересует?
capture-temperature = Температура
capture-temp-hot = Горячий
capture-temp-warm = Тёплый
capture-temp-cold = Холодный
capture-note = Заметка
capture-need-name = Укажите компанию или человека.
capture-save = Сохранить лид
capture-saved = { $name }: сохранено на этом устройстве.
capture-next = Следующий лид
capture-scan = Сканировать QR-код визитки
capture-scan-stop = Остановить сканирование
capture-scan-hint = Наведите камеру на QR-код vCard или MECARD.
capture-scan-starting = Включаю камеру…
capture-scan-not-card = В этом QR-коде нет визитки. Попробуйте другой.
capture-scan-filled = Заполнено из QR-кода. Проверьте и сохраните.
capture-no-camera = Камера здесь недоступна ({ $reason }). Введите данные вручную.
plan-title = План на неделю
plan-prev-week = Предыдущая неделя
plan-next-week = Следующая неделя
plan-this-week = Эта неделя
plan-week-total =
    { $count ->
        [one] { $count } звонок или визит
        [few] { $count } звонка и визита
        [many] { $count } звонков и визитов
       *[other] { $count } звонка и визита
    }
plan-empty-day = Ничего не запланировано
plan-no-time = в любое время
plan-move-prev = Перенести «{ $client }» на день раньше
plan-move-next = Перенести «{ $client }» на день позже
plan-move-date = Перенести «{ $client }» на дату
plan-moved = «{ $client }» перенесено на { $date }.
plan-move-failed = Не удалось перенести задачу: { $reason }

## Clients: new client
clients-new = Новый клиент

## Sync: progress and sync now
sync-docs-left =
    { $count ->
        [one] остался { $count } документ
        [few] осталось { $count } документа
       *[other] осталось { $count } документов
    }
sync-now = Синхронизировать

## Client card
card-back = Клиенты
card-not-found = Этого клиента нет на устройстве.
card-restricted = Ограниченный доступ
card-owner = Ответственный: { $name }
card-rating = Рейтинг { $value }
card-conflicts =
    { $count ->
        [one] { $count } конфликт
        [few] { $count } конфликта
        [many] { $count } конфликтов
       *[other] { $count } конфликта
    }
card-conflicts-title = Конфликтующие правки
card-conflicts-note = Эти поля изменили одновременно на двух устройствах. Выберите, какое значение оставить.
card-conflict-by = { $who }, { $time }
card-conflict-by-unknown = Автор неизвестен
card-conflict-current = показано сейчас
card-conflict-keep = Оставить
card-saved = Сохранено на устройстве.
card-failed = Не удалось сохранить: { $reason }
card-save = Сохранить
card-edit = Изменить
card-edit-card = Изменить карточку
card-edit-main = Название, контакты и статус
card-edit-details = Условия и реквизиты
card-empty-value = (пусто)
card-yes = Да
card-no = Нет
card-not-set = Не задано
card-none = Нет
card-percent = { $percent } %
card-days =
    { $count ->
        [one] { $count } день
        [few] { $count } дня
        [many] { $count } дней
       *[other] { $count } дня
    }
card-facts = Условия и расчёты
card-outstanding = Задолженность
card-overdue = Просрочено
card-field-lost_reason = Причина потери
card-field-legal_name = Юридическое название
card-field-tax_id = ИНН
card-field-industry = Отрасль
card-field-source = Источник
card-field-source_event = Мероприятие
card-field-referred_by = Кто порекомендовал
card-field-owner = Ответственный
card-field-website = Сайт
card-field-price_type = Тип цены
card-field-discount_bp = Скидка, %
card-field-payment_days = Отсрочка платежа, дней
card-field-credit_limit = Кредитный лимит
card-field-currency = Валюта
card-field-rating = Рейтинг
card-field-rating_checked = Рейтинг проверен
card-field-rating_note = Комментарий к рейтингу
card-field-next_step = Следующий шаг
card-field-next_step_date = Дата следующего шага
card-field-restricted = Доступ только ответственному
card-contacts = Контакты
card-no-contacts = Контактов пока нет.
card-add-contact = Добавить контакт
card-contact-position = Должность
card-contact-role = Роль
card-contact-birthday = День рождения (ММ-ДД или ГГГГ-ММ-ДД)
card-call-name = Позвонить: { $name }
card-mail-name = Написать: { $name }
card-log = Записать контакт с клиентом
card-log-submit = Записать
card-kind = Тип
card-outcome = Результат
card-direction = Кто инициатор
card-direction-in = Клиент
card-direction-out = Мы
card-contact = Контакт
card-no-contact-choice = Без конкретного контакта
card-minutes = Длительность, минут
card-note = Заметка
card-next-step-add = Запланировать следующий шаг
card-next-kind = Следующий шаг
card-next-date = Срок
card-next-time = Время
card-next-note = Что сделать
card-interaction-call = Звонок
card-interaction-visit = Визит
card-interaction-meeting = Встреча
card-interaction-email = Письмо
card-interaction-offer_email = КП по почте
card-interaction-offer_phone = КП по телефону
card-interaction-exhibition = Выставка
card-interaction-complaint = Претензия
card-interaction-reconciliation = Сверка
card-outcome-reached = Дозвонились
card-outcome-no_answer = Не ответили
card-outcome-call_back = Перезвонить
card-outcome-interested = Заинтересован
card-outcome-not_interested = Не заинтересован
card-outcome-offer_requested = Запросил КП
card-outcome-other = Другое
card-timeline = Хронология
card-timeline-empty = Пока ничего нет.
card-deal = Предложение
card-contract = Договор
card-order = Заказ
card-invoice = Счёт
card-complaint = Претензия
card-lines-count =
    { $count ->
        [one] { $count } позиция
        [few] { $count } позиции
        [many] { $count } позиций
       *[other] { $count } позиции
    }
card-cancelled = Аннулирован
card-owed = Долг { $amount }
card-paid-in-full = Оплачен полностью
card-deals = Сделки и предложения
card-new-deal = Новая сделка
card-deal-title = Предмет сделки
card-stage = Этап
card-stage-draft = Черновик
card-stage-sent = Отправлено
card-stage-negotiation = Переговоры
card-stage-won = Выиграна
card-stage-lost = Проиграна
card-amount = Сумма
card-probability = Вероятность, %
card-expected-close = Ожидаемая дата закрытия
card-closes-on = закрытие { $date }
card-channel = Как отправлено КП
card-channel-none = Ещё не отправлено
card-channel-email = Почта
card-channel-phone = Телефон
card-channel-in_person = Лично
card-sent-on = Дата отправки
card-contracts = Договоры
card-new-contract = Новый договор
card-number = Номер
card-contract-status-draft = Черновик
card-contract-status-signed = Подписан
card-contract-status-expired = Истёк
card-contract-status-terminated = Расторгнут
card-signed = Дата подписания
card-valid-from = Действует с
card-valid-to = Действует до
card-renewal-days = Напомнить за дней до окончания
card-orders = Заказы
card-new-order = Новый заказ
card-order-status-received = Принят
card-order-status-confirmed = Подтверждён
card-order-status-shipped = Отгружен
card-order-status-delivered = Доставлен
card-order-status-returned = Возвращён
card-order-status-refused = Отказ
card-status-reason = Причина
card-received-on = Дата приёма
card-received = принят { $date }
card-delivered-on = Дата доставки
card-lines = Позиции
card-add-line = Добавить позицию
card-line-name = Товар
card-sku = Артикул
card-quantity = Количество
card-price = Цена за единицу
card-out-of-stock = Нет в наличии
card-promised = Обещано к дате
card-promised-on = обещано к { $date }
card-analog = Предложенный аналог (артикул)
card-analog-value = аналог { $value }
card-logistics-requested = Запрос в логистику отправлен
card-logistics-asked = запрос в логистику
card-logistics-note = Ответ логистики или заметка
card-invoices = Счета
card-new-invoice = Новый счёт
card-issued = Дата выставления
card-due = Оплатить до
card-due-on = до { $date }
card-payments = Платежи
card-record-payment = Внести оплату
card-payment-date = Дата оплаты
card-complaints = Претензии
card-new-complaint = Новая претензия
card-subject = Суть претензии
card-complaint-status-open = Открыта
card-complaint-status-in_progress = В работе
card-complaint-status-resolved = Удовлетворена
card-complaint-status-rejected = Отклонена
card-opened = Дата получения
card-opened-on = получена { $date }
card-closed = Дата закрытия
card-resolution = Решение
card-notes = Заметки
card-notes-hint = Редактирует вся команда; сохраняется по ходу ввода.
card-notes-failed = Не удалось сохранить заметки на устройстве.
card-history = История изменений
card-history-all =
    { $count ->
        [one] Показать все изменения ({ $count })
        [few] Показать все { $count } изменения
        [many] Показать все { $count } изменений
       *[other] Показать все изменения ({ $count })
    }
card-as-of = Карточка на дату
card-as-of-title = По состоянию на { $date }
card-as-of-none = На { $date } карточки ещё не было.

## Today: one tap to log the outcome
today-log-outcome = Итог
today-log-outcome-of = Записать итог: { $client }
outcome-reached = Дозвонился
outcome-no_answer = Не ответил
outcome-call_back = Перезвонить

## A new version
update-available = Готова новая версия Fieldbase. Всё, что вы ввели, сохранено на этом устройстве.
update-reload = Перезагрузить

## Sync: changes the server refused
sync-refused =
    { $count ->
        [one] { $count } изменение не принято сервером
        [few] { $count } изменения не приняты сервером
        [many] { $count } изменений не принято сервером
       *[other] { $count } изменения не приняты сервером
    }

## Reports: the month's funnel
report-funnel-month-rule = Сделки, перешедшие на свой этап в периоде «{ $month }»: выигранные и проигранные — по дню закрытия, отправленные и в переговорах — по дню отправки предложения, черновики — по дню создания.

## Settings: targets (only a head of sales edits the plan)
settings-targets-read-only = Цели и роль устанавливает руководитель отдела продаж; изменить их может только он.
settings-team-targets = Цели команды
settings-team-targets-note = Как руководитель отдела продаж вы задаёте роль и цели каждого менеджера. Каждый менеджер видит свои. Права доступа на сервере настраивает администратор.
settings-turnover-per-month = План оборота в месяц
settings-manager-add = Добавить менеджера
settings-manager-login = Логин
settings-manager-name = Полное имя
settings-manager-role = Роль
settings-role-rep = Менеджер
settings-role-key_account_manager = Менеджер ключевых клиентов
settings-role-head = Руководитель отдела продаж

## Clients: owner and event filters, saved views
filter-owner = Ответственный
filter-any-owner = Любой ответственный
filter-event = Мероприятие
filter-any-event = Любое мероприятие
views-title = Сохранённые подборки
views-new = Сохранить подборку
views-name = Название подборки
views-save = Сохранить
views-cancel = Отмена
views-delete = Удалить подборку «{ $name }»

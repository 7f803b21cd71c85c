# Fieldbase — português

app-name = Fieldbase
app-tagline = Os seus clientes na estrada — com ou sem rede.
loading = A abrir a sua base de clientes…

## Sign in

login-title = Entrar
login-username = Nome de utilizador
login-password = Palavra-passe
login-submit = Entrar
login-busy = A entrar…
login-error-credentials = Nome de utilizador ou palavra-passe incorretos.
login-error-network = Não foi possível contactar o servidor. Verifique a ligação e tente de novo.
login-error-server = O servidor respondeu com um erro ({ $status }). Tente mais tarde.
login-error-storage = Não foi possível guardar a sessão neste dispositivo: { $reason }
login-offline-note = Depois da primeira entrada, o Fieldbase funciona sem ligação.
login-missing = Introduza o nome de utilizador e a palavra-passe.

## Header

logout = Sair
logout-confirm =
    { $count ->
        [one] Uma alteração ainda não chegou ao servidor e será perdida. Sair mesmo assim?
       *[other] { $count } alterações ainda não chegaram ao servidor e serão perdidas. Sair mesmo assim?
    }
language = Idioma
signed-in-as = Sessão iniciada como { $rep }

## Sync status bar

sync-offline = Offline
sync-connecting = A ligar…
sync-syncing = A sincronizar…
sync-synced = Sincronizado
sync-pending =
    { $count ->
        [one] 1 alteração por enviar
       *[other] { $count } alterações por enviar
    }
sync-all-sent = Todas as alterações enviadas
sync-last = Última sincronização { $time }
sync-never = Ainda não sincronizado
sync-retry = Tentar de novo
sync-session-expired = A sessão expirou. Entre de novo para sincronizar — as alterações ficam neste dispositivo.
sync-relogin = Entrar de novo

## Client list

clients-title = Clientes
clients-count =
    { $count ->
        [one] 1 cliente
       *[other] { $count } clientes
    }
clients-empty = Ainda não há clientes. Adicione o primeiro com o formulário.
client-status-prospect = Potencial
client-status-lead = Interessado
client-status-active = Ativo
client-status-key = Conta-chave
client-status-dormant = Inativo
client-status-lost = Perdido
client-no-contact = Sem contactos

## Add a client

add-title = Novo cliente
field-name = Nome
field-phone = Telefone
field-email = E-mail
field-optional = opcional
placeholder-name = Empresa ou pessoa
placeholder-phone = +351 912 345 678
placeholder-email = nome@empresa.pt
add-submit = Adicionar cliente
add-saving = A guardar…
add-saved = { $name } foi guardado neste dispositivo.
add-failed = Não foi possível guardar neste dispositivo: { $reason }

## Validation

invalid-empty = Introduza um nome.
invalid-too-long = No máximo 200 caracteres.
invalid-control-chars = Remova os caracteres de controlo.
invalid-phone-chars = Use apenas algarismos, espaços e - . ( ) /
invalid-phone-country = Inclua o indicativo do país, p. ex. +351 912 345 678.
invalid-phone-zero = Um indicativo de país nunca começa por 0.
invalid-phone-length = Um número de telefone tem de 8 a 15 algarismos.
invalid-email-no-at = Um endereço de e-mail precisa de um @.
invalid-email-local-length = Antes do @ devem estar 1 a 64 caracteres.
invalid-email-local-chars = Remova o espaço ou o segundo @ antes do @.
invalid-email-dot = Há um ponto mal colocado antes do @.
invalid-email-domain-dot = Depois do @ vem um domínio com ponto, p. ex. empresa.pt.
invalid-email-domain = O domínio depois do @ não é válido.
invalid-bad-date = Indique uma data como 12-31 ou 1980-12-31.
invalid-bad-currency = Indique um código de moeda como EUR ou BRL.
invalid-bad-amount = Indique um valor como 1 234,50.
invalid-currency-mismatch = Este valor está noutra moeda.
invalid-amount-overflow = Este valor é demasiado grande.
invalid-unknown-channel = Escolha telefone, SMS, e-mail, WhatsApp, Telegram, Viber ou visita.
invalid-bad-language = Indique um código de idioma como pt, en ou cs.
invalid-bad-time = Indique uma hora como 09:30.
invalid-bad-time-zone = Indique um fuso horário como Europe/Lisbon ou UTC.
invalid-text-too-long = Este texto tem mais de 10 000 caracteres.
invalid-duration-too-long = Uma duração não pode passar de 24 horas.
invalid-bad-tax-id = O NIF/CNPJ só pode ter letras, dígitos, espaços e - / .
invalid-bad-website = Um endereço web é como exemplo.com.
invalid-out-of-range = Este número está fora do intervalo permitido.
invalid-bad-tag = Uma etiqueta tem no máximo 50 caracteres e nenhum dois-pontos.
invalid-end-before-start = O fim não pode ser antes do início.
invalid-bad-country = Use um código de país de duas letras, como BR ou PT.
invalid-reason-required = Indique um motivo para este estado.
invalid-signed-needs-date = Um contrato assinado precisa da data da assinatura.
invalid-bad-handle = Um identificador tem de 1 a 100 caracteres, sem espaços.
invalid-other = Este valor não é válido.

## Storage

storage-unavailable = Este navegador não deixa o Fieldbase guardar dados no dispositivo: { $reason }
storage-failed = Não foi possível guardar neste dispositivo: { $reason }

## Shell, Clients, Today, Settings
nav-label = Menu principal
nav-today = Hoje
nav-clients = Clientes
nav-capture = Lead
nav-plan = Plano
nav-reports = Relatórios
nav-settings = Definições
clients-search = Pesquisar nome, contacto, telefone, e-mail, etiqueta
clients-filters = Filtros
clients-none-match = Nenhum cliente corresponde.
field-status = Estado
field-segment = Segmento
field-tag = Etiqueta
filter-any-status = Qualquer estado
filter-any-segment = Qualquer segmento
filter-any-tag = Qualquer etiqueta
filter-mine = Meus
filter-overdue = Dívida vencida
sort-next-step = Por próximo passo
segment-key = Conta-chave
segment-corporate = Empresarial
segment-retail = Retalho
task-kind-call = Chamada
task-kind-visit = Visita
task-kind-send_offer = Enviar proposta
task-kind-reconcile = Reconciliação
task-kind-greet = Felicitar
task-kind-collect_debt = Cobrar dívida
task-kind-other = Outro
today-targets = Metas de hoje
today-counter-calls = Chamadas
today-counter-email-offers = Propostas por e-mail
today-counter-phone-offers = Propostas por telefone
today-overdue = Em atraso
today-due = Para hoje
today-nothing-due = Nada planeado para hoje.
today-due-on = prazo { $date }
today-mark-done = Marcar como feito: { $client }
today-greetings = Aniversários e datas desta semana
today-greet = Felicitar
today-birthday-greeting = Parabéns de aniversário a { $name }
today-today = hoje
today-tomorrow = amanhã
today-overdue-invoices = Faturas vencidas
today-days-overdue =
    { $count ->
        [one] 1 dia em atraso
       *[other] { $count } dias em atraso
    }
today-follow-ups = Próximos passos
settings-time-zone = Fuso horário
settings-current-event = Evento para captar leads
settings-no-event = Nenhum
settings-targets = As suas metas
settings-contracts-per-month = Novos contratos por mês

## Reports
report-prev = Mês anterior
report-next = Mês seguinte
report-month-label = Mês
report-monthly = Relatório mensal
report-working-days =
    { $count ->
        [one] { $count } dia útil
       *[other] { $count } dias úteis
    }
report-metric = Indicador
report-done = Realizado
report-target = Meta
report-calls = Chamadas
report-visits = Visitas e reuniões
report-email-offers = Propostas por e-mail
report-phone-offers = Propostas por telefone
report-new-clients = Novos clientes
report-new-contracts = Novos contratos
report-deals-won = Negócios ganhos
report-turnover = Faturação
report-plan = Plano
report-collected = Recebido
report-overdue = Vencido no fim do mês
report-no-plan = Sem plano definido
report-progress-chart = Progresso face às metas do mês
report-of-plan = { $percent } do plano
report-plan-fact = Plano vs. realizado
report-managers =
    { $count ->
        [one] { $count } gestor
       *[other] { $count } gestores
    }
report-chart-turnover = Faturação face ao plano, por gestor, em { $value }
report-chart-contracts = Novos contratos face à meta, por gestor
report-manager = Gestor
report-team-total = Total da equipa
report-fact = Realizado
report-own-only = Vê os seus próprios números; o diretor comercial vê todos os gestores.
report-funnel = Funil de negócios
report-funnel-chart = Negócios por fase
report-stage = Fase
report-deal-count = Negócios
report-amount = Valor
report-deals =
    { $count ->
        [one] { $count } negócio
       *[other] { $count } negócios
    }
report-win-rate = Taxa de sucesso: { $percent }
report-win-rate-none = Ainda nenhum negócio foi fechado.
report-stage-draft = Rascunho
report-stage-sent = Proposta enviada
report-stage-negotiation = Negociação
report-stage-won = Ganho
report-stage-lost = Perdido
report-ageing = Antiguidade de saldos a receber
report-ageing-chart = Valores em dívida por dias de atraso, em { $value }
report-ageing-as-of = Em { $date }
report-ageing-none = Não há valores em dívida.
report-bucket = Atraso
report-bucket-not-due = Não vencido
report-bucket-1-30 = 1–30 dias
report-bucket-31-60 = 31–60 dias
report-bucket-61-90 = 61–90 dias
report-bucket-90-plus = Mais de 90 dias
report-total = Total
report-no-data = Nada registado neste mês.

## Capture and plan
capture-title = Captar leads
capture-event = Evento
capture-event-unknown = Um evento ainda não sincronizado
capture-events-later = A lista de eventos chega com a próxima sincronização. Os leads são guardados na mesma.
capture-new-event = Novo evento
capture-event-name = Nome do evento
capture-event-place = Local
capture-event-starts = Primeiro dia
capture-event-ends = Último dia
capture-event-create = Criar e usar
capture-cancel = Cancelar
capture-lead = Novo lead
capture-count =
    { $count ->
        [one] { $count } lead hoje neste evento
       *[other] { $count } leads hoje neste evento
    }
capture-count-no-event =
    { $count ->
        [one] { $count } lead hoje sem evento
       *[other] { $count } leads hoje sem evento
    }
capture-company = Empresa
capture-person = Pessoa
capture-person-placeholder = Nome e apelido
capture-interest = Interesse
capture-interest-placeholder = O que procuram?
capture-temperature = Temperatura
capture-temp-hot = Quente
capture-temp-warm = Morno
capture-temp-cold = Frio
capture-note = Nota
capture-need-name = Indique a empresa ou a pessoa.
capture-save = Guardar lead
capture-saved = { $name }: guardado neste dispositivo.
capture-next = Próximo lead
capture-scan = Ler o código QR de um cartão
capture-scan-stop = Parar a leitura
capture-scan-hint = Aponte a câmara para um código QR vCard ou MECARD.
capture-scan-starting = A abrir a câmara…
capture-scan-not-card = Este código QR não contém um cartão de contacto. Experimente outro.
capture-scan-filled = Preenchido a partir do código QR. Verifique e guarde.
capture-no-camera = Não é possível usar a câmara aqui ({ $reason }). Escreva os dados à mão.
plan-title = Plano da semana
plan-prev-week = Semana anterior
plan-next-week = Semana seguinte
plan-this-week = Esta semana
plan-week-total =
    { $count ->
        [one] { $count } chamada ou visita
       *[other] { $count } chamadas e visitas
    }
plan-empty-day = Nada planeado
plan-no-time = a qualquer hora
plan-move-prev = Passar { $client } para o dia anterior
plan-move-next = Passar { $client } para o dia seguinte
plan-move-date = Passar { $client } para um dia
plan-moved = { $client } passou para { $date }.
plan-move-failed = Não foi possível mudar a tarefa: { $reason }

## Clients: new client
clients-new = Novo cliente

## Sync: progress and sync now
sync-docs-left =
    { $count ->
        [one] falta 1 documento
       *[other] faltam { $count } documentos
    }
sync-now = Sincronizar agora

## Client card
card-back = Clientes
card-not-found = Este cliente não está neste dispositivo.
card-restricted = Acesso restrito
card-owner = Responsável: { $name }
card-rating = Classificação { $value }
card-conflicts =
    { $count ->
        [one] { $count } conflito
       *[other] { $count } conflitos
    }
card-conflicts-title = Edições em conflito
card-conflicts-note = Dois dispositivos alteraram estes campos ao mesmo tempo. Escolha o valor a manter.
card-conflict-by = por { $who }, { $time }
card-conflict-by-unknown = Autor desconhecido
card-conflict-current = exibido agora
card-conflict-keep = Manter
card-saved = Guardado neste dispositivo.
card-failed = Não foi possível guardar: { $reason }
card-save = Guardar
card-edit = Editar
card-edit-card = Editar a ficha
card-edit-main = Nome, contactos e estado
card-edit-details = Condições e detalhes
card-empty-value = (vazio)
card-yes = Sim
card-no = Não
card-not-set = Não definido
card-none = Nenhum
card-percent = { $percent }%
card-days =
    { $count ->
        [one] { $count } dia
       *[other] { $count } dias
    }
card-facts = Condições e saldo
card-outstanding = Em aberto
card-overdue = Em atraso
card-field-lost_reason = Motivo da perda
card-field-legal_name = Denominação social
card-field-tax_id = NIF / CNPJ
card-field-industry = Setor
card-field-source = Origem
card-field-source_event = Evento
card-field-referred_by = Indicado por
card-field-owner = Responsável
card-field-website = Site
card-field-price_type = Tipo de preço
card-field-discount_bp = Desconto, %
card-field-payment_days = Prazo de pagamento, dias
card-field-credit_limit = Limite de crédito
card-field-currency = Moeda
card-field-rating = Classificação
card-field-rating_checked = Classificação verificada
card-field-rating_note = Nota da classificação
card-field-next_step = Próximo passo
card-field-next_step_date = Data do próximo passo
card-field-restricted = Só para o responsável
card-contacts = Contactos
card-no-contacts = Ainda sem contactos.
card-add-contact = Adicionar contacto
card-contact-position = Cargo
card-contact-role = Função
card-contact-birthday = Aniversário (MM-DD ou AAAA-MM-DD)
card-call-name = Ligar a { $name }
card-mail-name = Enviar e-mail a { $name }
card-log = Registar interação
card-log-submit = Registar
card-kind = Tipo
card-outcome = Resultado
card-direction = Quem iniciou
card-direction-in = O cliente
card-direction-out = Nós
card-contact = Contacto
card-no-contact-choice = Ninguém em particular
card-minutes = Duração, minutos
card-note = Nota
card-next-step-add = Planear próximo passo
card-next-kind = Próximo passo
card-next-date = Prazo
card-next-time = Hora
card-next-note = O que fazer
card-interaction-call = Chamada
card-interaction-visit = Visita
card-interaction-meeting = Reunião
card-interaction-email = E-mail
card-interaction-offer_email = Proposta por e-mail
card-interaction-offer_phone = Proposta por telefone
card-interaction-exhibition = Feira
card-interaction-complaint = Reclamação
card-interaction-reconciliation = Conciliação
card-outcome-reached = Contactado
card-outcome-no_answer = Sem resposta
card-outcome-call_back = Ligar de volta
card-outcome-interested = Interessado
card-outcome-not_interested = Sem interesse
card-outcome-offer_requested = Pediu proposta
card-outcome-other = Outro
card-timeline = Cronologia
card-timeline-empty = Ainda não há nada.
card-deal = Proposta
card-contract = Contrato
card-order = Encomenda
card-invoice = Fatura
card-complaint = Reclamação
card-lines-count =
    { $count ->
        [one] { $count } linha
       *[other] { $count } linhas
    }
card-cancelled = Anulada
card-owed = Em dívida { $amount }
card-paid-in-full = Paga na totalidade
card-deals = Negócios e propostas
card-new-deal = Novo negócio
card-deal-title = Assunto
card-stage = Fase
card-stage-draft = Rascunho
card-stage-sent = Enviada
card-stage-negotiation = Negociação
card-stage-won = Ganho
card-stage-lost = Perdido
card-amount = Valor
card-probability = Probabilidade, %
card-expected-close = Fecho previsto
card-closes-on = fecha a { $date }
card-channel = Proposta enviada por
card-channel-none = Ainda não enviada
card-channel-email = E-mail
card-channel-phone = Telefone
card-channel-in_person = Em mão
card-sent-on = Enviada em
card-contracts = Contratos
card-new-contract = Novo contrato
card-number = Número
card-contract-status-draft = Rascunho
card-contract-status-signed = Assinado
card-contract-status-expired = Expirado
card-contract-status-terminated = Rescindido
card-signed = Assinado em
card-valid-from = Válido desde
card-valid-to = Válido até
card-renewal-days = Lembrar dias antes do fim
card-orders = Encomendas
card-new-order = Nova encomenda
card-order-status-received = Recebida
card-order-status-confirmed = Confirmada
card-order-status-shipped = Expedida
card-order-status-delivered = Entregue
card-order-status-returned = Devolvida
card-order-status-refused = Recusada
card-status-reason = Motivo
card-received-on = Recebida em
card-received = recebida a { $date }
card-delivered-on = Entregue em
card-lines = Linhas
card-add-line = Adicionar linha
card-line-name = Produto
card-sku = Referência
card-quantity = Quantidade
card-price = Preço unitário
card-out-of-stock = Sem stock
card-promised = Prometido para
card-promised-on = prometido para { $date }
card-analog = Alternativa proposta (referência)
card-analog-value = alternativa { $value }
card-logistics-requested = Pedido à logística enviado
card-logistics-asked = logística contactada
card-logistics-note = Resposta da logística ou nota
card-invoices = Faturas
card-new-invoice = Nova fatura
card-issued = Emitida em
card-due = Vencimento
card-due-on = vence a { $date }
card-payments = Pagamentos
card-record-payment = Registar pagamento
card-payment-date = Pago em
card-complaints = Reclamações
card-new-complaint = Nova reclamação
card-subject = O que está errado
card-complaint-status-open = Aberta
card-complaint-status-in_progress = Em tratamento
card-complaint-status-resolved = Resolvida
card-complaint-status-rejected = Rejeitada
card-opened = Recebida em
card-opened-on = recebida a { $date }
card-closed = Encerrada em
card-resolution = Resolução
card-notes = Notas
card-notes-hint = Toda a equipa pode editar; guarda enquanto escreve.
card-notes-failed = Não foi possível guardar as notas.
card-history = Histórico
card-history-all =
    { $count ->
        [one] Mostrar a alteração
       *[other] Mostrar as { $count } alterações
    }
card-as-of = A ficha como estava em
card-as-of-title = Como estava em { $date }
card-as-of-none = Em { $date } a ficha ainda não existia.

## Today: one tap to log the outcome
today-log-outcome = Registar
today-log-outcome-of = Registar o resultado: { $client }
outcome-reached = Contactado
outcome-no_answer = Sem resposta
outcome-call_back = Ligar de volta

## A new version
update-available = Está pronta uma nova versão do Fieldbase. Tudo o que introduziu está guardado neste dispositivo.
update-reload = Recarregar

## Sync: changes the server refused
sync-refused =
    { $count ->
        [one] { $count } alteração não aceita pelo servidor
       *[other] { $count } alterações não aceitas pelo servidor
    }

## Reports: the month's funnel
report-funnel-month-rule = Negócios que chegaram à sua etapa em { $month }: ganhos e perdidos pelo dia do fecho, enviados e em negociação pelo dia do envio da proposta, rascunhos pelo dia da criação.

## Settings: targets (only a head of sales edits the plan)
settings-targets-read-only = As suas metas e a sua função são definidas pelo diretor de vendas; só ele as pode alterar.
settings-team-targets = Metas da equipa
settings-team-targets-note = Como diretor de vendas, define a função e as metas de cada gestor. Cada um vê as suas. As permissões de acesso no servidor são definidas pelo administrador.
settings-turnover-per-month = Meta de faturação mensal
settings-manager-add = Adicionar gestor
settings-manager-login = Nome de utilizador
settings-manager-name = Nome completo
settings-manager-role = Função
settings-role-rep = Comercial
settings-role-key_account_manager = Gestor de grandes contas
settings-role-head = Diretor de vendas

## Clients: owner and event filters, saved views
filter-owner = Responsável
filter-any-owner = Qualquer responsável
filter-event = Evento
filter-any-event = Qualquer evento
views-title = Vistas guardadas
views-new = Guardar vista
views-name = Nome da vista
views-save = Guardar
views-cancel = Cancelar
views-delete = Eliminar a vista { $name }

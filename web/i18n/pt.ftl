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

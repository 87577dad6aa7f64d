"""Words the services write into the studio's data (task titles, default directions). The
studio's working language is Russian; the UI's own strings go through Qt's translations."""

DEFAULT_DIRECTIONS = [
    # name, kind (DirectionKind's value), capacity, price in kopecks, minutes
    ("Столярная мастерская", "workshop", 8, 120000, 90),
    ("Керамика", "workshop", 8, 120000, 90),
    ("Рукоделие", "workshop", 8, 100000, 90),
    ("Мастерская-лагерь", "camp", 13, 250000, 240),
    ("Поход", "hike", 13, 300000, 360),
    ("Городской лагерь", "camp", 13, 450000, 480),
    ("Праздник", "party", 13, 150000, 120),
]

DEFAULT_FEEDBACK_TAGS = ("Педагог", "Направление", "Расписание", "Цены", "Помещение", "Сервис",
                         "Общение", "Результаты ребёнка")

# the studio's surveys to begin with: key, name, the segment rule (computed from the data; see
# surveys.segments), the invitation ({parent}, {child}, {what}, {link}, {studio})
_INVITE = ("{parent}, здравствуйте! Это студия «{studio}». {what} Нам важно ваше мнение: "
           "ответите на несколько вопросов? Это займёт пару минут: {link}\nЕсли удобнее "
           "поговорить, напишите, когда можно позвонить.")
DEFAULT_SURVEYS = (
    ("hike_regular", "Поход: ходят постоянно", {"kind": "hike", "rule": "regular"},
     _INVITE.replace("{what}", "Вы уже не раз ходили с нами в поход.")),
    ("hike_once", "Поход: были один раз", {"kind": "hike", "rule": "once"},
     _INVITE.replace("{what}", "Вы были с нами в походе, и мы хотим понять, как всё прошло.")),
    ("hike_review", "Поход: общий отзыв", {"kind": "hike", "rule": "attended"},
     _INVITE.replace("{what}", "Спасибо, что были с нами в походе.")),
    ("workshop_regular", "Мастерская: ходят постоянно", {"kind": "workshop",
                                                        "rule": "regular"},
     _INVITE.replace("{what}", "{child} уже давно занимается в мастерской.")),
    ("workshop_once", "Мастерская: были один раз", {"kind": "workshop", "rule": "once"},
     _INVITE.replace("{what}", "{child} был(а) у нас на занятии, и мы хотим понять, что "
                               "можно сделать лучше.")),
    ("interest_only", "Интересовались, но не пришли", {"kind": "any",
                                                     "rule": "lead_never_enrolled"},
     _INVITE.replace("{what}", "Вы интересовались занятиями в студии.")),
    ("party_before", "Праздник: перед праздником", {"kind": "party", "rule": "party_before"},
     _INVITE.replace("{what}", "Скоро ваш праздник, и мы хотим, чтобы всё было по-вашему.")),
    ("party_after", "Праздник: после праздника", {"kind": "party", "rule": "party_after"},
     _INVITE.replace("{what}", "Спасибо, что отметили праздник с нами.")),
)
SURVEY_REMINDER = ("{parent}, здравствуйте! Несколько дней назад мы спрашивали ваше мнение о "
                   "студии «{studio}». Если найдётся пара минут, ответы помогут нам стать "
                   "лучше: {link}\nСпасибо!")
DEFAULT_CSI_ITEMS = (("teacher", "Педагог"), ("atmosphere", "Атмосфера"),
                     ("schedule", "Расписание"), ("prices", "Цены"),
                     ("communication", "Общение с администраторами"))

LESSON_CANCELLED = "Занятие отменено: сообщить семье ({channel}) — {direction}, {when}"
LESSON_CANCELLED_WAITLIST = "Занятие отменено: сообщить семье из листа ожидания ({channel}) — " \
                            "{direction}, {when}"
LESSON_MOVED = "Занятие перенесено: сообщить семье ({channel}) — {direction}, было {old}, " \
               "стало {new}"
FIRST_TIME = "Сказать педагогу ({teacher}): {child} впервые на занятии «{direction}» {when}"
PLACE_AVAILABLE = "Освободилось место: предложить семье — {direction}, {when} ({child})"
ASK_TEACHER = "Уточнить отметки у педагога {teacher} ({contact}): {direction}, {when} — {children}"
# the client stages as the studio's own words say them (task titles are the studio's data)
STAGE_WORDS = {"first lesson": "первое занятие", "2–7": "2–7 занятий", "8–20": "8–20 занятий",
               "more than 20": "больше 20 занятий"}

CHANNELS = {"phone": "звонок", "telegram": "Telegram", "whatsapp": "WhatsApp",
            "vk": "ВКонтакте", "email": "e-mail"}

CALL_BACK = "Перезвонить: пропущенный звонок с {phone}"
CALL_WORDS = {
    ("incoming", False): "Входящий звонок",
    ("incoming", True): "Пропущенный звонок",
    ("outgoing", False): "Исходящий звонок",
    ("outgoing", True): "Исходящий: не дозвонились",
}
LEAD_IS_TEACHER = "это педагог студии"
LEAD_THINKING = "Думающий клиент: вернуться к заявке — {name} ({contact})"

LAPSE_REASONS = {
    "schedule": "не подходит расписание", "price": "дорого", "distance": "далеко ездить",
    "health": "болезнь", "interest": "пропал интерес", "moved": "переехали",
    "season": "сезон, отпуск", "coming_back": "вернутся", "other": "другое",
}
LAPSE_REASON = "причина: {reason}"

DEFAULT_TEMPLATES = {
    "greeting": ("Поздравление с днём рождения",
                 "{parent}, здравствуйте! Сегодня особенный день — день рождения, и мы "
                 "поздравляем: {child}! Вся команда студии «{studio}» желает смелых идей, "
                 "тёплых рук и много радости от того, что получается своими руками. Ждём в "
                 "мастерской!"),
    "greeting_parent": ("Поздравление родителя",
                        "{parent}, с днём рождения! Студия «{studio}» желает вам спокойных "
                        "выходных, вдохновения и поводов для гордости за детей. Спасибо, что "
                        "вы с нами!"),
    "holding": ("Ответ «уже читаем»",
                "Здравствуйте! Мы увидели ваше сообщение и ответим в течение минуты."),
    "after_hours": ("Ответ в нерабочее время",
                    "Здравствуйте! Спасибо, что написали в «{studio}». Сейчас администраторы "
                    "не на связи, ответим в рабочее время: {hours}."),
    "feedback.first": ("Обратная связь после первого занятия",
                       "{parent}, здравствуйте! Это студия «{studio}». Первое занятие "
                       "«{direction}» позади, и мы делимся впечатлениями педагога.\n\n"
                       "{teacher}: {words}\n\nНам важно, чтобы ребёнку было интересно и "
                       "спокойно у нас. Если есть вопросы или пожелания, просто ответьте на "
                       "это сообщение."),
    "feedback.camp": ("Обратная связь после лагеря",
                      "{parent}, здравствуйте! Смена «{direction}» в студии «{studio}» "
                      "завершилась, и педагоги делятся, как прошли эти дни.\n\n{words}\n\n"
                      "Спасибо, что были с нами! Будем рады вашим впечатлениям — просто "
                      "ответьте на это сообщение."),
    "feedback.told": ("Сообщение «Мы изменили по вашему отзыву»",
                      "{parent}, здравствуйте! Вы говорили нам: «{said}». Спасибо, что "
                      "сказали об этом. Вот что мы сделали: {change}\n\nСтудия «{studio}»"),
    "reply.balance": ("Остаток на счёте",
                      "{parent}, на счёте семьи сейчас {balance}. Если нужно пополнить, "
                      "подскажем удобный способ."),
    "reply.lesson": ("Напоминание о занятии",
                     "{parent}, напоминаем о занятии «{direction}» {date}: {child}. "
                     "Ведёт {teacher}."),
    "reply.trial": ("Приглашение на пробное",
                    "{parent}, приглашаем на пробное занятие «{direction}» {date}: {child}. "
                    "Фартук и материалы дадим, приходите за 10 минут."),
}
WEEKDAYS_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
GREETING_DONE = "Поздравление с днём рождения отправлено"
FEEDBACK_VOICE_ONLY = "записал(а) для вас голосовое сообщение — оно следом."
FEEDBACK_VOICE_ONLY_CAMP = "педагог записал(а) голосовое сообщение — оно следом."
# per feedback kind: first, second (recorded only: the head teacher calls), camp
FEEDBACK_RECORDED = {
    "first": "Обратная связь педагога после первого занятия записана: {child}",
    "second": "Вторая обратная связь от главного педагога ({child}): {words}",
    "camp": "Обратная связь педагога после лагеря записана: {child}",
}
FEEDBACK_SENT = {
    "first": "Обратная связь после первого занятия отправлена родителю ({channel}): {child}",
    "camp": "Обратная связь после лагеря отправлена родителю ({channel}): {child}",
}
SECOND_BRIEF_HEAD = "Вторая обратная связь: {child} ({age}) — этап «{stage}», посещено занятий: " \
                    "{lessons}"
AGE = ("{age} год", "{age} года", "{age} лет")  # 1, 21; 2–4, 22–24; others
SECOND_BRIEF_PARENTS = "Родители: {parents}"
SECOND_BRIEF_CHANNEL = "Удобный канал связи: {channel}"
SECOND_BRIEF_DIRECTIONS = "Направления: {directions}"
SECOND_BRIEF_LEGEND = "О семье: {legend}"
SECOND_BRIEF_FIRST = "Первая обратная связь педагога: {first}"
SECOND_BRIEF_ASK = "Позвонить родителю до {due}: цели и ожидания, сомнения и возражения, " \
                   "пожелания, успехи ребёнка. Ответ передать администратору студии."
SECOND_FEEDBACK_HANDED = "Вторая обратная связь передана главному педагогу ({teacher}): {child}"

ITEM_RECORDED = "Отзыв в реестр обратной связи: «{quote}»"
ITEM_FOR_STAFF = "Отзыв о вашей работе: «{quote}»"
ITEM_TO_TEACHER = "Здравствуйте! Передаём отзыв родителя: «{quote}». Если захотите обсудить, " \
                  "напишите администратору студии."
ITEM_FROM = "От семьи: {family}"
ITEM_FOR_TEACHER = "Передать педагогу {teacher} ({contact}) отзыв: «{quote}»"
ITEM_TOLD = "Семье сообщили, что изменилось по её отзыву: {change}"
LOOP_REASONS = {"resolved": "вопрос решён", "explained": "объяснили", "compensated":
                "компенсировали", "told": "сообщили об изменениях", "unreachable":
                "не дозвонились", "no_answer_needed": "ответ не нужен", "other": "другое"}
LOOP_STEP = {"in_progress": "Обратная связь: взяли в работу отзыв семьи",
             "informed": "Обратная связь: семье сообщили ответ по её отзыву",
             "closed": "Обратная связь: случай закрыт — {reason}. {comment}"}

SCRIPT_CALL = "Звонок по скрипту «{script}»"
NPS_SCORE = "оценка {score} из 10"

_NOT_REACHED = {"key": "no_answer", "name": "Не дозвонились",
                "task": "Позвонить ещё раз: не взяли трубку", "task_days": 1}
_LATER = {"key": "later", "name": "Попросили перезвонить",
          "task": "Перезвонить, как договорились", "task_days": 1}

# the two scripts every studio has; the studio rewrites them in Settings → Call scripts
DEFAULT_SCRIPTS = {
    "lapsed": ("Ушедший клиент", {
        "steps": [
            {"key": "hello", "kind": "choice",
             "text": "Здравствуйте, {parent}! Меня зовут {me}, я из студии «{studio}». "
                     "Вам удобно сейчас пару минут поговорить?",
             "options": [{"label": "Да, удобно", "go": "next"},
                         {"label": "Нет, просят позже", "go": "end:later"},
                         {"label": "Не взяли трубку", "go": "end:no_answer"}]},
            {"key": "why", "kind": "reason",
             "text": "Мы скучаем: давно не видели на занятиях — {child}. Расскажите, "
                     "пожалуйста, что изменилось? Нам правда важно это понять."},
            {"key": "back", "kind": "choice",
             "text": "Можем подобрать другое время или направление. Хотите вернуться к нам?",
             "options": [{"label": "Да, записать", "go": "end:enrol"},
                         {"label": "Подумают", "go": "end:thinking"},
                         {"label": "Нет", "go": "end:declined"}]},
        ],
        "outcomes": [
            {"key": "enrol", "name": "Вернутся: записать на занятие",
             "task": "Записать на занятие после звонка", "task_days": 0},
            {"key": "thinking", "name": "Подумают",
             "task": "Узнать, решили ли вернуться", "task_days": 7},
            {"key": "declined", "name": "Не вернутся", "task": "", "task_days": 0},
            _LATER, _NOT_REACHED,
        ],
    }),
    "nps": ("Оценка NPS", {
        "steps": [
            {"key": "hello", "kind": "choice",
             "text": "Здравствуйте, {parent}! Это {me}, студия «{studio}». Можно задать вам "
                     "один короткий вопрос о занятиях?",
             "options": [{"label": "Да", "go": "next"},
                         {"label": "Нет, просят позже", "go": "end:later"},
                         {"label": "Не взяли трубку", "go": "end:no_answer"}]},
            {"key": "score", "kind": "score",
             "text": "По шкале от 0 до 10: насколько вероятно, что вы посоветуете нашу студию "
                     "друзьям или знакомым?"},
            {"key": "why", "kind": "question", "text": "А почему именно такая оценка?"},
            {"key": "ten", "kind": "question", "only_if": [7, 10],
             "text": "Что нам нужно сделать, чтобы в следующий раз вы поставили 10?"},
            {"key": "thanks", "kind": "say",
             "text": "Спасибо за честный ответ! Передадим ваши слова команде студии."},
        ],
        "outcomes": [
            {"key": "done", "name": "Оценка получена", "task": "", "task_days": 0},
            {"key": "unhappy", "name": "Недовольны: разобраться",
             "task": "Разобраться с недовольством после звонка NPS", "task_days": 0},
            _LATER, _NOT_REACHED,
        ],
    }),
}

# the call and chat quality sheet to begin with: name, hint, weight (1–5), automatic fail
DEFAULT_QUALITY_CRITERIA = (
    ("Приветствие", "Поздоровался, назвал студию и себя", 1, False),
    ("Имя клиента", "Узнал, как зовут собеседника, и обращался по имени", 1, False),
    ("Потребность выяснена", "Спросил о ребёнке: возраст, интересы, удобные дни; понял, "
                             "чего ждёт семья", 3, False),
    ("Легенда клиента", "Опирался на то, почему семья пришла и что ей важно; дополнил "
                        "карточку", 2, False),
    ("Полезная услуга", "Предложил то, что подходит именно этой семье, а не первое "
                        "попавшееся", 3, False),
    ("Возражения", "Выслушал сомнение до конца, уточнил и ответил по существу, без давления",
     2, False),
    ("Следующий шаг", "Договорились, что и когда происходит дальше: запись, звонок, оплата",
     3, False),
    ("Верные сведения", "Цены, расписание и условия названы без ошибок (ошибка — лист не "
                        "засчитан)", 2, True),
    ("Тон разговора", "Вежливо и спокойно, без споров и грубости (нарушение — лист не "
                      "засчитан)", 2, True),
    ("Прощание", "Поблагодарил, попрощался, сказал, как с нами связаться", 1, False),
)

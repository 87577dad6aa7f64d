"""Words the services write into the studio's data (task titles, default directions). The
studio's working language is Russian; the UI's own strings go through Qt's translations."""

DEFAULT_DIRECTIONS = [
    # name, capacity, price in kopecks, minutes
    ("Столярная мастерская", 8, 120000, 90),
    ("Керамика", 8, 120000, 90),
    ("Рукоделие", 8, 100000, 90),
    ("Мастерская-лагерь", 13, 250000, 240),
    ("Поход", 13, 300000, 360),
    ("Городской лагерь", 13, 450000, 480),
    ("Праздник", 13, 150000, 120),
]

LESSON_CANCELLED = "Занятие отменено: сообщить семье ({channel}) — {direction}, {when}"
FIRST_TIME = "Сказать педагогу ({teacher}): {child} впервые на занятии «{direction}» {when} " \
             "— не забыть про обратную связь"
PLACE_AVAILABLE = "Освободилось место: предложить семье — {direction}, {when} ({child})"
ASK_TEACHER = "Уточнить отметки у педагога {teacher} ({contact}): {direction}, {when} — {children}"
SECOND_FEEDBACK = "Вторая обратная связь: {child} перешёл на этап «{stage}» — передать контакт " \
                  "главному педагогу"

CHANNELS = {"phone": "звонок", "telegram": "Telegram", "whatsapp": "WhatsApp",
            "vk": "ВКонтакте", "email": "e-mail"}

CALL_BACK = "Перезвонить: пропущенный звонок с {phone}"
CALL_WORDS = {
    ("incoming", False): "Входящий звонок",
    ("incoming", True): "Пропущенный звонок",
    ("outgoing", False): "Исходящий звонок",
    ("outgoing", True): "Исходящий: не дозвонились",
}
LEAD_THINKING = "Думающий клиент: вернуться к заявке — {name} ({contact})"

LAPSE_REASONS = {
    "schedule": "не подходит расписание", "price": "дорого", "distance": "далеко ездить",
    "health": "болезнь", "interest": "пропал интерес", "moved": "переехали",
    "season": "сезон, отпуск", "coming_back": "вернутся", "other": "другое",
}
LAPSE_CALL = "Звонок непришедшим: {reason}"

DEFAULT_TEMPLATES = {
    "greeting": ("Поздравление с днём рождения",
                 "{parent}, здравствуйте! Сегодня особенный день — {child} празднует день "
                 "рождения. Вся команда студии «{studio}» желает смелых идей, тёплых рук и "
                 "много радости от того, что получается своими руками. Ждём в мастерской!"),
    "holding": ("Ответ «уже читаем»",
                "Здравствуйте! Мы увидели ваше сообщение и ответим в течение минуты."),
    "after_hours": ("Ответ в нерабочее время",
                    "Здравствуйте! Спасибо, что написали в «{studio}». Сейчас администраторы "
                    "не на связи, ответим в рабочее время: {hours}."),
    "reply.balance": ("Остаток на счёте",
                      "{parent}, на счёте семьи сейчас {balance}. Если нужно пополнить, "
                      "подскажем удобный способ."),
    "reply.lesson": ("Напоминание о занятии",
                     "{parent}, ждём {child} на занятии «{direction}» {date}. "
                     "Ведёт {teacher}."),
    "reply.trial": ("Приглашение на пробное",
                    "{parent}, будем рады видеть {child} на пробном занятии «{direction}» "
                    "{date}. Фартук и материалы дадим, приходите за 10 минут."),
}
WEEKDAYS_SHORT = ("пн", "вт", "ср", "чт", "пт", "сб", "вс")
GREETING_DONE = "Поздравление с днём рождения отправлено"

"""Channel adapters: each receives and sends through one outside service behind the small
interface in ``base`` (Telegram's Bot API, e-mail over IMAP and SMTP). VK can be added the
same way."""

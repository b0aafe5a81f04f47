-- A device's service checks (NTP, SMTP, FTP, IMAP, POP3, TCP, HTTP(S)) as written in the inventory:
-- a JSON array of objects, NULL when the device has none.
ALTER TABLE device ADD COLUMN checks VARCHAR;

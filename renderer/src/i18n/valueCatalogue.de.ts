// German for the value catalogue's own words (shared/config/catalogueEntries.ts, catalogue.ts): what
// each configuration value is for and what its special numbers mean, keyed by the English text. Part
// of the German pack (german.ts). A text missing here shows in English, so a value added to the
// catalogue is never without words; test/unit/errors/hostSentences.test.ts lists what is missing.

/** "Device/Run value X; …": the values the reference lists without a format, one sentence for all of them. */
export const RUN_VALUE_DE = 'Device/Run-Wert {name}; der Auszug aus der Referenz nennt kein Format, daher wird er als rohe Bytes bearbeitet.';

export const VALUE_CATALOGUE_DE: Readonly<Record<string, string>> = {
  'Longest gap between two bytes of a serial BRP frame before the reader drops it (default 20 ms); older firmware stores it in 8 bits.':
    'Längste Pause zwischen zwei Bytes eines seriellen BRP-Rahmens, bevor der Leser ihn verwirft (Standard 20 ms); ältere Firmware speichert sie in 8 Bit.',
  'How long after power-up the reader accepts ConfigCards in Autoread mode.':
    'Wie lange der Leser nach dem Einschalten im Autoread-Modus ConfigCards annimmt.',
  'ConfigCards refused': 'ConfigCards abgelehnt',
  'no time limit (default)': 'ohne Zeitgrenze (Standard)',
  'Former place of the device settings name; 0620/03 replaces it.': 'Früherer Ort des Namens der Geräteeinstellungen; 0620/03 ersetzt ihn.',
  'Former place of the project name; ReaderDesk keeps the name in 0620/06.': 'Früherer Ort des Projektnamens; ReaderDesk hält den Namen in 0620/06.',
  'Security level of the debug interface; deprecated by BALTECH.': 'Sicherheitsstufe der Debug-Schnittstelle; von BALTECH abgekündigt.',
  'Whether an AdrCard may change the bus address; the default allows it only while the tamper switch is open.':
    'Ob eine AdrCard die Busadresse ändern darf; der Standard erlaubt es nur, solange der Sabotageschalter offen ist.',
  'Firmware versions the reader refuses to load.': 'Firmware-Versionen, die der Leser nicht lädt.',
  'How long a message such as a card read waits for the host to fetch it, in tenths of a second; prevents ghost reads.':
    'Wie lange eine Meldung wie eine gelesene Karte darauf wartet, dass der Host sie abholt, in Zehntelsekunden; verhindert Geisterlesungen.',
  'never expires': 'verfällt nie',
  'What a BEC, BEC2 or BF3 file uploaded over BRP must prove before the reader accepts it.':
    'Was eine über BRP hochgeladene BEC-, BEC2- oder BF3-Datei nachweisen muss, bevor der Leser sie annimmt.',
  'What a configuration uploaded over NFC must prove before the reader accepts it.':
    'Was eine über NFC hochgeladene Konfiguration nachweisen muss, bevor der Leser sie annimmt.',
  'Refuses configuration and firmware uploads over NFC.': 'Lehnt Konfigurations- und Firmware-Uploads über NFC ab.',
  'Refuses to report reader information over NFC.': 'Gibt über NFC keine Leserinformationen heraus.',
  'Once a Config Security Code exists, refuses plain BF2/BF3 firmware uploads; firmware then only arrives inside a BEC2 or after a factory reset.':
    'Lehnt, sobald ein Config Security Code existiert, einfache BF2/BF3-Firmware-Uploads ab; Firmware kommt dann nur noch in einer BEC2 oder nach einem Werksreset.',
  'Key for MIFARE Classic ConfigCards; an empty value stops reconfiguration by such cards. Restored from its backup when deleted.':
    'Schlüssel für MIFARE-Classic-ConfigCards; ein leerer Wert verhindert das Umkonfigurieren mit solchen Karten. Wird beim Löschen aus seiner Sicherung wiederhergestellt.',
  'Identity of the project settings: a reader holding it accepts only new versions of the same configuration. Removed by a factory reset.':
    'Identität der Projekteinstellungen: ein Leser, der ihn hält, nimmt nur neue Versionen derselben Konfiguration an. Ein Werksreset entfernt ihn.',
  'Customer key that seals configuration files and ConfigCards; factory-loaded and restored from its backup when deleted. Empty disables the extra encryption.':
    'Kundenschlüssel, der Konfigurationsdateien und ConfigCards versiegelt; ab Werk geladen und beim Löschen aus seiner Sicherung wiederhergestellt. Leer schaltet die zusätzliche Verschlüsselung ab.',
  'Alternative Config Security Code also accepted from ConfigCards; deprecated by BALTECH.':
    'Alternativer Config Security Code, der auch von ConfigCards angenommen wird; von BALTECH abgekündigt.',
  'Script run when the tamper alarm goes on; without it the reader sends an AlarmOn message to the host.':
    'Skript, das beim Auslösen des Sabotagealarms läuft; ohne es sendet der Leser eine AlarmOn-Meldung an den Host.',
  'Script run when the tamper alarm clears; without it the reader sends an AlarmOff message to the host.':
    'Skript, das beim Aufheben des Sabotagealarms läuft; ohne es sendet der Leser eine AlarmOff-Meldung an den Host.',
  'Script run after a ConfigCard reconfigured the reader; without it the reader beeps and lights the green LED.':
    'Skript, das läuft, nachdem eine ConfigCard den Leser umkonfiguriert hat; ohne es piept der Leser und schaltet die grüne LED ein.',
  'Customer number, the first block of the ConfigId; 5xxxx for configurations made by BALTECH customers.':
    'Kundennummer, der erste Block der ConfigId; 5xxxx für Konfigurationen von BALTECH-Kunden.',
  'Device settings number, the third block of the ConfigId; 0 means the configuration has no device settings.':
    'Geräteeinstellungsnummer, der dritte Block der ConfigId; 0 heißt, die Konfiguration hat keine Geräteeinstellungen.',
  'Name of the device settings.': 'Name der Geräteeinstellungen.',
  'Version of the device settings, raised on every change.': 'Version der Geräteeinstellungen, bei jeder Änderung erhöht.',
  'Project settings number, the second block of the ConfigId; unique per customer number.':
    'Projekteinstellungsnummer, der zweite Block der ConfigId; je Kundennummer eindeutig.',
  'Human-readable name of the project settings, shown after the ConfigId.': 'Lesbarer Name der Projekteinstellungen, angezeigt nach der ConfigId.',
  'Version of the project settings; readers refuse older versions (rollback prevention).':
    'Version der Projekteinstellungen; Leser lehnen ältere Versionen ab (Rollback-Schutz).',
  'Legacy marker of a configuration assembled from two.': 'Alte Markierung einer aus zweien zusammengesetzten Konfiguration.',
  'Legacy name belonging to DummyDeviceSettingsNo.': 'Alter Name zu DummyDeviceSettingsNo.',
  'Legacy version belonging to DummyDeviceSettingsNo.': 'Alte Version zu DummyDeviceSettingsNo.',
  'Customer number of the device settings; CustomerNo applies when it is absent.':
    'Kundennummer der Geräteeinstellungen; fehlt sie, gilt CustomerNo.',
  'When present and not empty, the configuration needs a bus address.': 'Wenn vorhanden und nicht leer, braucht die Konfiguration eine Busadresse.',
  'Card families the reader accepts as ConfigCards.': 'Kartenfamilien, die der Leser als ConfigCards annimmt.',
  'Scan time for HID cards after power-up.': 'Suchzeit für HID-Karten nach dem Einschalten.',
  'MIFARE Classic key storage of the reader.': 'Speicher des Lesers für MIFARE-Classic-Schlüssel.',
  'Key list of the crypto commands; KeyIndex n selects value 0x80 + n.': 'Schlüsselliste der Crypto-Befehle; KeyIndex n wählt den Wert 0x80 + n.',
  'Key container used by the crypto manager for card operations.': 'Schlüsselbehälter, den der Crypto-Manager für Kartenoperationen verwendet.',
  'ReaderDesk does not know this value; it is shown and edited as raw hex.':
    'ReaderDesk kennt diesen Wert nicht; er wird als rohes Hex angezeigt und bearbeitet.',
};

// German for every sentence of the host's catalogue (shared/errors/catalogue.ts). The type keeps it
// complete: a code added there without a German sentence here fails the type check, and
// test/unit/hostSentences.test.ts checks that each German sentence has the same gaps.

import type { HostErrorCode } from '../../../shared/errors/catalogue.ts';

export const HOST_SENTENCES_DE: { readonly [C in HostErrorCode]: string } = {
  'unknown-method': 'Die App bietet {method} nicht an.',
  'that-method': 'diese Methode',
  'bad-params': 'Die Anfrage für {method} war fehlerhaft: {detail}.',
  forbidden: 'Dieses Fenster darf ReaderDesk nicht verwenden.',
  'offline.unreachable': 'Der ReaderDesk-Dienst ist nicht erreichbar. Läuft „readerdesk ui“ noch?',
  'offline.lost': 'Die Verbindung zum ReaderDesk-Dienst ist abgebrochen.',

  'file.missing': 'die Datei oder ihr Ordner existiert nicht',
  'file.denied': 'ReaderDesk hat keinen Zugriff darauf',
  'file.is-folder': 'es ist ein Ordner, keine Datei',
  'file.disk-full': 'der Datenträger ist voll',
  'file.read-only': 'der Datenträger ist schreibgeschützt',
  'file.other': 'das System hat abgelehnt ({errno})',

  'brp.timeout': 'Der Leser hat auf {command} nicht innerhalb von {ms} ms geantwortet. Prüfen Sie Kabel und Port.',
  'brp.checksum':
    'Ein Rahmen kam mit der Prüfsumme {actual} an, sein Inhalt ergibt aber {expected}: Die Bytes wurden auf der Leitung beschädigt. Versuchen Sie es erneut und prüfen Sie Kabel und Baudrate, wenn es wieder vorkommt.',
  'brp.frame': 'Fehler im BRP-Rahmen: {reason}',
  'brp.unsupported-checksum':
    'Der Rahmen verwendet die Prüfsumme {kind}, die ReaderDesk nicht unterstützt. Verwenden Sie auf dieser Verbindung CRC16 oder keine Prüfsumme.',
  'brp.reader-status': 'Der Leser hat {command} mit {statusName} (Status {status}) beantwortet: {meaning}',
  'brp.port-lost':
    'Die Verbindung zu {port} ist nicht verfügbar{because}. Prüfen Sie, ob der Leser angeschlossen ist und kein anderes Programm den Port verwendet.',
  'brp.because': ': {reason}',
  'brp.reader-rejected': 'Der Leser hat {command} abgelehnt: {reason}',
  'brp.frame-too-large':
    '{command} braucht einen Befehlsrahmen von {frameBytes} Bytes, der Leser nimmt aber höchstens {limitBytes} Bytes je Rahmen an ({source}); der Befehl wurde daher nicht gesendet. {advice}',
  'brp.limit-reported': 'laut der Puffergröße, die er mit Sys.GetBufferSize gemeldet hat',
  'brp.limit-guaranteed': 'die 128 Bytes, die jeder Leser zusichert, da dieser Leser seine Puffergröße nicht meldet',
  'brp.send-less': 'Senden Sie weniger Daten in einem Befehl.',

  'port.no-serial-port': 'es gibt keinen seriellen Port {port}',
  'port.denied':
    'der Zugriff auf {port} wurde verweigert (unter Linux fügen Sie Ihren Benutzer der Gruppe dialout hinzu und melden sich neu an)',
  'port.busy': '{port} wird von einem anderen Programm verwendet',
  'port.nothing-listening': 'dort wartet niemand auf Verbindungen',
  'port.connect-timeout': 'der Verbindungsversuch hat zu lange gedauert',
  'port.closed': 'die Verbindung ist geschlossen',

  'reader.not-connected': 'Dieser Leser ist nicht verbunden; verbinden Sie ihn zuerst auf der Seite „Leser“.',
  'reader.did-not-come-back': 'der Leser hat sich nicht zurückgemeldet',

  'balcfg.not-found': '{file} wurde nicht gefunden; prüfen Sie Ordner und Dateinamen.',
  'balcfg.unreadable': '{file} konnte nicht gelesen werden, denn {why}; prüfen Sie die Datei und versuchen Sie es erneut.',
  'balcfg.unwritable': '{file} konnte nicht geschrieben werden, denn {why}; die bisherige Datei, falls vorhanden, ist unverändert.',
  'balcfg.no-folder': 'ihr Ordner existiert nicht',
  'balcfg.too-large': '{file} ist {bytes} Bytes groß, weit größer als jede BALCFG; es ist keine BALCFG-Datei von ReaderDesk.',
  'balcfg.not-balcfg': '{file} kann nicht geöffnet werden: {reason}',
  'balcfg.invalid-field':
    '{file} ist eine BALCFG-Datei mit einem ungültigen Feld: {reason} Korrigieren Sie das Feld oder stellen Sie die Datei aus einer Sicherung wieder her.',
  'config.exists':
    '{file} existiert bereits. Öffnen Sie die Datei oder wählen Sie einen anderen Namen: Neue Projekteinstellungen erhalten einen neuen Config Security Code und dürfen bestehende nicht ersetzen.',
  'config.invalid': 'Die Konfiguration ist ungültig: {detail}',
  'config.model': 'Die Konfiguration ist ungültig: {detail}',
  'config.no-such-version': 'Version {version} wurde in dieser Datei nie finalisiert; wählen Sie eine der Versionen aus ihrem Verlauf.',
  'config.output-is-balcfg': 'Die BEC2-Datei würde die BALCFG selbst ersetzen; wählen Sie eine andere Ausgabedatei.',
  'config.output-exists': '{file} existiert bereits; wählen Sie eine andere Ausgabedatei, damit keine finalisierte BEC2 überschrieben wird.',

  'finalize.already-finalized':
    'Version {version} wurde bereits finalisiert; führen Sie „config bump“ aus (oder „Neue Version“ in der App), um zuerst Version {next} anzulegen.',
  'finalize.key-mismatch':
    'Diese Konfiguration ist mit {linked} des Lesers „{linkedReader}“ verknüpft (Schlüsselsignatur {linkedSignature}), der Leser an {reader} hat aber {held} (Signatur {signature}). Verbinden Sie einen Leser mit dem verknüpften Kundenschlüssel, um eine neue Version zu finalisieren.',
  'finalize.linked-default': 'dem Standard-Kundenschlüssel',
  'finalize.linked-custom': 'dem eigenen Kundenschlüssel',
  'finalize.held-default': 'einen Standard-Kundenschlüssel',
  'finalize.held-other': 'einen anderen eigenen Kundenschlüssel',
  'key-list.full':
    'Jeder Eintrag der Krypto-Schlüsselliste des Lesers (Custom/Crypto/Key 0601/81-FF) wird von seiner Konfiguration belegt, ReaderDesk kann also keinen freien Eintrag für den Kundenschlüssel ausleihen. Geben Sie in der Konfiguration einen Eintrag frei und spielen Sie sie zuerst auf.',
  'key-list.left-behind':
    '{before}ReaderDesk konnte die Kopie des Kundenschlüssels nicht aus dem Schlüssellisten-Eintrag {valueId} des Lesers entfernen ({reason}). Der Schlüssel lässt sich dort nicht auslesen, aber verbinden Sie den Leser neu und ermitteln Sie seinen Kundenschlüssel erneut, um den Eintrag zu entfernen (ein Zurücksetzen auf Werkseinstellungen entfernt ihn ebenfalls).',
  'key-list.first-failure': '{reason} ',

  'deploy.reader-gone': 'Dieser Leser ist nicht mehr verbunden; verbinden Sie ihn zuerst auf der Seite „Leser“.',
  'deploy.empty-address': 'Eine der Leseradressen ist leer; entfernen Sie sie oder geben Sie einen Port ein.',
  'deploy.duplicate-address': 'Derselbe Leser ist zweimal aufgeführt; jeder Leser kann die Datei nur einmal je Verteilung erhalten.',
  'deploy.same-reader': '{again} ist derselbe Leser wie {first}; führen Sie jeden Leser nur einmal auf.',
  'deploy.file-unreadable': '{file} kann nicht gelesen werden: {why}.',
  'deploy.not-bec2': '{file} ist keine lesbare BEC2-Datei; wählen Sie die .bec2-Datei, die beim Finalisieren geschrieben wurde.',
  'deploy.report-not-folder': 'Der Bericht kann nicht gespeichert werden: {folder} ist kein Ordner.',
  'deploy.report-no-folder': 'Der Bericht kann nicht gespeichert werden: Der Ordner {folder} existiert nicht.',
  'deploy.report-unwritable': 'Der Bericht kann nicht nach {file} geschrieben werden: {why}.',
  'deploy.reset-not-confirmed':
    'Es wurde nichts zurückgesetzt: Der eingegebene Text stimmt nicht mit der Adresse des Lesers {address} überein. Geben Sie die Adresse zur Bestätigung genau ein.',
  'deploy.reset-failed': 'Das Zurücksetzen auf Werkseinstellungen wurde nicht abgeschlossen: {reason}',

  'doorfile.csv-unreadable': 'Die Benutzer-CSV {file} kann nicht gelesen werden ({why}); prüfen Sie den Pfad.',
  'doorfile.door-file-unreadable': 'Die Türdatei {file} kann nicht gelesen werden ({why}); prüfen Sie den Pfad.',
  'doorfile.write-failed':
    '{file} konnte nicht geschrieben werden ({why}); prüfen Sie, ob der Ordner existiert und beschreibbar ist. Dort wurde nichts verändert.',
  'doorfile.site-key-not-hex':
    '{source} enthält andere Zeichen als Hexziffern; ein Standortschlüssel hat genau {digits} Hexziffern (0-9, A-F).',
  'doorfile.site-key-length':
    '{source} hat {count} Hexziffern, ein Standortschlüssel hat aber {digits}; prüfen Sie, ob der ganze Schlüssel kopiert wurde.',
  'doorfile.the-site-key': 'Der Standortschlüssel',
  'doorfile.the-site-key-file': 'Die Standortschlüssel-Datei',
  'doorfile.out-is-csv': 'Die Türdatei würde die Benutzer-CSV überschreiben; wählen Sie einen anderen Ausgabepfad.',
  'doorfile.binary-is-json':
    'Die JSON-Türdatei und der Binärexport haben denselben Pfad; geben Sie dem Binärexport einen eigenen Pfad.',
  'doorfile.invalid': 'Die Türdatei ist ungültig: {reason}',
  'doorfile.failed': 'Die Türdatei-Verarbeitung ist fehlgeschlagen: {reason}',
  'doorfile.refused-errors': 'Nichts wurde geschrieben: Die CSV hat {errors} Fehler{andWarnings}. Beheben Sie sie und erstellen Sie erneut.',
  'doorfile.and-warnings': ' und {warnings} Warnung(en)',
  'doorfile.refused-warnings':
    'Nichts wurde geschrieben: Die CSV hat {warnings} Warnung(en). Beheben Sie sie oder kreuzen Sie „Warnungen akzeptieren“ an, um die Datei trotzdem zu schreiben.',
  'doorfile.written': '{file} geschrieben: {users} Benutzer in Schlossreihenfolge{accepted}{binary}.',
  'doorfile.accepted-warnings': ' mit {warnings} akzeptierten Warnung(en)',
  'doorfile.binary-written': ' sowie {bytes} Bytes unverschlüsselter 32-Byte-Datensätze nach {file}',

  'secret-file.missing':
    'Die Datei für {what} existiert nicht (der angegebene Name wird hier nicht wiederholt, falls er der Schlüssel selbst ist). Schlüssel und PINs werden nur aus Dateien gelesen: Legen Sie ihn in einer Datei ab und geben Sie deren Pfad an.',
  'secret-file.is-folder': 'Der für die Datei für {what} angegebene Name ist ein Ordner; geben Sie den Pfad der Datei selbst an.',
  'secret-file.unreadable': 'Die Datei für {what} {file} kann nicht gelesen werden ({errno}); prüfen Sie ihre Zugriffsrechte.',
  'secret.site-key': 'den Standortschlüssel',

  'events.not-found': 'Dieses Ereignis ist nicht mehr im Protokoll; laden Sie die Ereignisseite neu.',
  'export.relative-path': 'Geben Sie den vollständigen Pfad der Datei an, zum Beispiel {example}.',
  'export.no-folder': 'Der Ordner {folder} existiert nicht; wählen Sie einen vorhandenen Ordner.',
  'export.is-folder': '{file} ist ein Ordner; ergänzen Sie einen Dateinamen.',
  'export.denied': 'ReaderDesk darf nicht nach {file} schreiben; wählen Sie einen anderen Ordner.',
  'export.disk-full': 'Der Datenträger ist voll; {file} wurde nicht geschrieben.',
  'export.failed': '{file} konnte nicht geschrieben werden: {reason}.',

  'tag.no-tag': 'Es liegt kein Tag im Feld des Lesers, daher konnte ReaderDesk den Schritt „{step}“ nicht ausführen; legen Sie den Tag auf den Leser und führen Sie den Befehl erneut aus.',
  'tag.not-selected': 'Der Schritt „{step}“ war nicht möglich: Der Tag hat das Feld verlassen und ist zurückgekehrt, seit er ausgewählt wurde; führen Sie den Befehl erneut aus.',
  'tag.no-vhl-file':
    'ReaderDesk konnte den Schritt „{step}“ nicht ausführen: Die Konfiguration des Lesers hat keine VHL-Datei namens „{file}“ für Funkspeicher-Tags. Spielen Sie eine Konfiguration auf, die eine hat (VhlCfg/File/Filename, Wert 0x03nn/00 = „{file}“).',
  'tag.refused': 'Der Tag hat den Schritt „{step}“ abgelehnt: {why}',
  'tag.refused-unknown':
    'Der Tag hat den Schritt „{step}“ abgelehnt: Der Leser meldete {status}, und ReaderDesk konnte nicht erkennen, welche Tag-Regel griff (falsche oder fehlende PIN, gesperrtes oder geschlossenes Segment, verbrauchter Zähler).',
  'tag.failed': 'ReaderDesk konnte den Schritt „{step}“ nicht ausführen: {reason}',
  'tag.short-answer': 'Der Leser lieferte {got} Bytes für den Schritt „{step}“ ({wanted} Bytes).',
  'tag.not-wireless-memory': 'Der Tag im Feld ist kein Funkspeicher, den ReaderDesk verwenden kann: {reason}.',
  'tag.transfer-invalid': 'Die PIN-Übertragung lässt sich nicht aufbauen: {reason}.',
  'tag.transfer-unconfirmed':
    'Der Tag hat die Übertragung an PIN-Position {position} angenommen, die neue PIN funktioniert dort aber nicht: Die Position enthält einen anderen Wert (veralteter Zähler oder wiederholte Übertragung). Übertragen Sie die PIN erneut.',
  'tag.unit-mismatch': 'Die Verwaltungseinheit von Segment {segment} liest sich anders zurück als geschrieben; prüfen Sie den Tag.',
  'tag.name-too-long': 'Ein Tag-Name hat höchstens {max} Bytes; dieser hat {bytes}.',
  'tag.identity-too-long': 'Eine Host-Kennung hat höchstens {max} Bytes; diese hat {bytes}.',
  'tag.no-segment': 'Segment {segment} gibt es nicht; der Tag hat die Segmente 0..{last}.',
  'tag.outside-segment':
    '{bytes} Bytes ab Offset {offset} passen nicht in ein Segment von {size} Bytes; verwenden Sie Offsets 0..{lastOffset} und bleiben Sie innerhalb des Segments.',

  'tag.step.select': 'den Tag auswählen',
  'tag.step.find-vhl-file': 'die VHL-Datei für den Tag finden',
  'tag.step.read-info': 'den öffentlichen Informationsblock lesen',
  'tag.step.advance-counter': 'den Roll-back-Zähler weiterzählen',
  'tag.step.select-pin': 'PIN {index} in PA_REG auswählen',
  'tag.step.present-pin': 'die {kind}-PIN vorlegen',
  'tag.step.select-transfer': 'PIN-Position {position} und Master-PIN {master} in PA_REG auswählen',
  'tag.step.commit-pin': 'die verschlüsselte PIN festschreiben',
  'tag.step.write-unit': 'die Verwaltungseinheit von Segment {segment} schreiben',
  'tag.step.read-unit': 'die Verwaltungseinheit von Segment {segment} lesen',
  'tag.step.read-back-unit': 'die Verwaltungseinheit von Segment {segment} zurücklesen',
  'tag.step.write-name': 'den Tag-Namen schreiben',
  'tag.step.write-host-id': 'die Host-Kennung schreiben',
  'tag.step.read-name': 'den Tag-Namen lesen',
  'tag.step.read-units': 'die Verwaltungseinheiten lesen',
  'tag.step.read-segment': 'Segment {segment} lesen',
  'tag.step.write-segment': 'Segment {segment} schreiben',
  'tag.step.access-segment': 'auf Segment {segment} zugreifen',
  'tag.step.plan-transfer': 'die PIN-Übertragung planen',
  'tag.step.raw-read': '{bytes} Bytes ab {addr} lesen',
  'tag.step.raw-write': '{bytes} Bytes ab {addr} schreiben',
  'tag.step.confirm-pin': 'die neue PIN bestätigen',
  'tag.pin.read': 'Lese',
  'tag.pin.write': 'Schreib',
  'tag.pin.edit': 'Bearbeitungs',

  'tag.why.usage-flag-set':
    'sein Roll-back-Zähler wurde seit dem letzten Weiterzählen schon benutzt (Usage-Flag gesetzt), und ein Zählerwert gilt nur einmal; zählen Sie den Zähler zuerst weiter.',
  'tag.why.dos-mismatch':
    'der DoS-Wert in PA_REG passt nicht zum Commit-Block unter dieser Master-PIN, die angegebene Master-PIN ist also nicht die, die der Tag an diesem Index hält.',
  'tag.why.wrong-pin': 'die angegebene PIN stimmt nicht mit der PIN überein, die der Tag an diesem Index hält (oder der Tag hält dort keine PIN).',
  'tag.why.pin-required': 'das Segment verlangt zuerst seine PIN, und seit der Tag im Feld ist, wurde keine passende PIN vorgelegt.',
  'tag.why.segment-not-readable': 'das Segment erlaubt kein Lesen (RD ist in seiner Verwaltungseinheit nicht gesetzt).',
  'tag.why.segment-not-writable': 'das Segment erlaubt kein Schreiben (WR ist in seiner Verwaltungseinheit nicht gesetzt).',
  'tag.why.edit-locked': 'die Verwaltungseinheit ist endgültig gesperrt (nE ist gesetzt), ihr Schutz kann sich also nie mehr ändern.',
  'tag.why.crosses-unit': 'der Schreibvorgang reicht über eine Verwaltungseinheit hinaus; Einheiten werden einzeln bearbeitet.',
  'tag.why.counter-not-next': 'der Roll-back-Zähler nimmt nur seinen aktuellen Wert plus eins an, ein alter Zählerwert lässt sich also nicht wiederverwenden.',
  'tag.why.not-readable': 'dieser Teil des Tag-Speichers (Master-PINs, PIN-Bereich oder ein nur beschreibbares Register) ist nie lesbar.',
  'tag.why.bad-address': 'der Tag erlaubt diesen Zugriff an dieser Adresse nicht.',
  'tag.why.pin-mismatch': 'die angegebene {kind}-PIN stimmt nicht mit der PIN überein, die der Tag an Index {index}{master} hält.',
  'tag.why.edit-pin-mismatch':
    'die angegebene Bearbeitungs-PIN stimmt nicht mit der PIN überein, die der Tag an Index {index}{master} hält, der Bearbeitungs-PIN von Segment {segment}.',
  'tag.why.no-master-pin': 'der Tag hält keine Master-PIN {master}.',
  'tag.why.master-dos-mismatch':
    'der DoS-Wert passt nicht zum Commit-Block unter Master-PIN {master}, die angegebene Master-PIN ist also nicht die, die der Tag an Index {master} hält.',
  'tag.why.segment-locked': 'die Verwaltungseinheit von Segment {segment} ist endgültig gesperrt (nE ist gesetzt), ihr Schutz kann sich also nie mehr ändern.',
  'tag.why.edit-pin-first': 'Segment {segment} lässt sich erst bearbeiten, nachdem seine Bearbeitungs-PIN (Index {index}) vorgelegt wurde.',
  'tag.why.read-pin-first': 'Segment {segment} lässt sich erst lesen, nachdem seine Lese-PIN (Index {index}) vorgelegt wurde, und {given}.',
  'tag.why.write-pin-first': 'Segment {segment} lässt sich erst schreiben, nachdem seine Schreib-PIN (Index {index}) vorgelegt wurde, und {given}.',
  'tag.pin-not-accepted': 'die angegebene PIN wurde nicht angenommen',
  'tag.no-pin-given': 'es wurde keine PIN angegeben',
  'tag.master-pin': ' (Master-PIN {master})',

  'tags.no-tag-info': 'Es liegt kein Tag im Feld des Lesers. Legen Sie einen Tag auf den Leser und lesen Sie erneut.',
  'tags.pin-set': 'PIN-Position {position} enthält jetzt die neue PIN: übertragen unter Master-PIN {master} und durch Vorlegen bestätigt.',
  'tags.protected': 'Segment {segment}: {read}, {write}, {edit}.',
  'tags.written': '{bytes} Byte(s) in Segment {segment} ab Offset {offset} geschrieben.',
  'tags.no-reads': 'kein Lesen',
  'tags.read-open': 'Lesen offen',
  'tags.read-with': 'Lesen mit {pin}',
  'tags.no-writes': 'kein Schreiben',
  'tags.write-open': 'Schreiben offen',
  'tags.write-with': 'Schreiben mit {pin}',
  'tags.locked': 'endgültig gesperrt',
  'tags.edit-with': 'Bearbeiten mit {pin}',
  'tags.pin': 'PIN {index}',
  'tags.master-pin': 'PIN {index} (Master-PIN {master})',
  'tags.not-connected': 'Dieser Leser ist nicht verbunden; verbinden Sie ihn auf der Seite „Leser“ und versuchen Sie es erneut.',
  'tags.nothing-to-change': 'Wählen Sie mindestens eine Änderung am Schutz des Segments.',
  'tags.data-too-long':
    '{bytes} Bytes ab Offset {offset} passen nicht in ein Segment von 256 Bytes; kürzen Sie die Daten oder wählen Sie einen kleineren Offset.',
};

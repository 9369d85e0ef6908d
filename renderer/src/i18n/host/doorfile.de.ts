// German for the catalogue's sentences about door files (shared/errors/sentences/doorfile.ts).

import type { DOORFILE_SENTENCES } from '../../../../shared/errors/sentences/doorfile.ts';

export const DOORFILE_SENTENCES_DE: { readonly [C in keyof typeof DOORFILE_SENTENCES]: string } = {
  'csv.at-line': 'Zeile {line}: {issue}',
  'csv.at-cell': 'Zeile {line}, Spalte {column}: {issue}',

  'csv.control': 'Steuerzeichen {code}',
  'csv.control-in-quotes':
    'ein {control} steht in einem Feld in Anführungszeichen; entfernen Sie es (in einem Feld dürfen nur Zeilenumbrüche und Tabulatoren stehen).',
  'csv.unclosed-quote': 'ein Feld in Anführungszeichen wird nie geschlossen; ergänzen Sie das fehlende " vor dem Ende der Datei.',
  'csv.text-after-quote':
    'nach einem schließenden Anführungszeichen folgt Text; setzen Sie das ganze Feld in Anführungszeichen und schreiben Sie ein Anführungszeichen darin als "".',
  'csv.quote-in-field':
    'ein Anführungszeichen steht in einem Feld ohne Anführungszeichen; setzen Sie das ganze Feld in Anführungszeichen und schreiben Sie das Zeichen als "".',
  'csv.control-in-field': 'ein {control} steht in einem Feld; entfernen Sie es (exportieren Sie die Datei erneut als reines CSV).',

  'csv.no-header': 'Die CSV-Datei hat keine Kopfzeile; beginnen Sie sie mit einer Zeile wie "user_id,format,facility,card".',
  'csv.no-users': 'Die CSV-Datei hat eine Kopfzeile, aber keine Benutzerzeilen; eine Türdatei braucht mindestens einen Benutzer.',
  'csv.column-number': 'Nummer {number}',
  'csv.column-twice': 'die Spalte {column} kommt zweimal vor; behalten Sie eine davon.',
  'csv.unknown-column': 'die Spalte {column} ist keine Türdatei-Spalte und wird übergangen; prüfen Sie die Schreibweise, falls sie gelten soll.',
  'csv.missing-column': 'der Kopfzeile fehlt die Spalte "{column}"; ergänzen Sie sie (die Spalten stehen in docs/doorfile.md).',
  'csv.field-count': 'die Zeile hat {fields} Felder, die Kopfzeile aber {width}; prüfen Sie, ob ein Komma fehlt oder zu viel ist.',
  'csv.secondary-without-format':
    'ein Wert für einen sekundären Ausweis ist angegeben, aber secondary_format ist leer; füllen Sie secondary_format aus oder leeren Sie den Wert.',
  'csv.not-yes-no': '"{value}" ist kein Ja/Nein-Wert; schreiben Sie 1 oder 0 (yes/no, true/false gehen auch), oder lassen Sie das Feld für aktiv leer.',
  'csv.expires-first':
    'der Ablauf {expiration} liegt vor der Aktivierung {activation}; der Ausweis würde die Tür nie öffnen. Korrigieren Sie eines der Daten.',
  'csv.number-missing': 'der Wert fehlt; geben Sie eine ganze Zahl von {min} bis {max} ein.',
  'csv.not-a-number': '"{value}" ist keine ganze Zahl; geben Sie eine Zahl von {min} bis {max} ein.',
  'csv.out-of-range': '{value} liegt außerhalb des Bereichs{forFormat}; erlaubt ist {min} bis {max}.',
  'csv.for-format': ' für {format}',
  'csv.not-a-date': '"{value}" ist kein Datum; schreiben Sie JJJJ-MM-TT oder JJJJMMTTHHMMSS (zum Beispiel 2026-12-31).',
  'csv.date-outside': '{value} liegt außerhalb dessen, was der Datensatz im Schloss fasst; verwenden Sie ein Datum von 2000-01-01 bis 2179-06-06.',
  'csv.format-missing': 'das Ausweisformat fehlt; verwenden Sie eines von {formats}.',
  'csv.not-a-format': '"{value}" ist kein Ausweisformat; verwenden Sie eines von {formats}.',
  'csv.value-ignored': '{format} verwendet {column} nicht, der Wert wird also übergangen; leeren Sie ihn oder prüfen Sie das Format.',
  'csv.pin-missing': 'die PIN fehlt; geben Sie {min} bis {max} Ziffern ein.',
  'csv.pin-digits': 'die PIN muss aus {min} bis {max} Ziffern 0-9 bestehen und sonst nichts; korrigieren Sie sie.',
  'csv.short-pin': 'die PIN hat nur {digits} Ziffer(n) und ist leicht zu erraten; verwenden Sie mindestens {recommended}.',
  'csv.raw-missing': 'der Rohausweis fehlt; geben Sie den Rahmen als Hexziffern ein, zum Beispiel 23C5981.',
  'csv.not-hex': '"{value}" ist keine Hexzahl; verwenden Sie nur die Ziffern 0-9 und A-F.',
  'csv.too-many-bits': '0x{value} braucht {bits} Bits, raw_bits sagt aber {bitCount}; korrigieren Sie raw_bits oder den Wert.',

  'doorfile.site-key-bytes':
    'Der Standortschlüssel hat {bytes} Bytes, ein ENGAGE-Standortschlüssel ist aber AES-256 und hat {expected} Bytes (64 Hexziffern); verwenden Sie den vollständigen Schlüssel des Standorts.',
  'doorfile.capacity':
    'Die Datei hat {users} Benutzer, das Schloss fasst aber {max}; verteilen Sie die Benutzer auf mehrere Türdateien oder setzen Sie die Kapazität des Schlosses mit --max-users.',
  'doorfile.all-ff-primary':
    'der primäre Ausweis besteht nur aus 0xFF-Bits, die ENGAGE-Schlösser nicht unterstützen; er würde die Tür nie öffnen. Verwenden Sie einen anderen Ausweis.',
  'doorfile.all-ff-secondary': 'der sekundäre Ausweis besteht nur aus 0xFF-Bits, die ENGAGE-Schlösser nicht unterstützen; verwenden Sie einen anderen Ausweis.',
  'doorfile.mixed-secondary':
    'die Zeilen {lines} teilen sich einen primären Ausweis, aber nur manche haben einen sekundären. Das Schloss handelt nach dem Datensatz ohne sekundären Ausweis und fragt nie nach dem zweiten Faktor; geben Sie allen einen sekundären Ausweis oder keinem.',
  'doorfile.duplicate':
    'die Ausweise wiederholen die aus Zeile {line}; ein Schloss behandelt eine Datei mit Duplikaten als unsortiert und durchsucht sie langsam („degraded“). Entfernen Sie eine der Zeilen.',
  'doorfile.list': '{first}, {rest}',
  'doorfile.list-last': '{first} und {last}',
  'doorfile.list-more': '{list} und {more} weitere',

  'verify.record': 'Datensatz {position}',
  'verify.record-of-user': 'Datensatz {position} (Benutzer {user})',
  'verify.capacity': 'Die Datei hat {records} Datensätze, das Schloss fasst aber {max}; teilen Sie sie auf mehrere Türdateien auf.',
  'verify.malformed': '{records}: ein Ausweis besteht nicht aus 32 Hexziffern; erzeugen Sie die Türdatei neu.',
  'verify.secondary-type':
    '{records}: scndCr und scndCrTyp sind uneins, ob es einen sekundären Ausweis gibt; beide müssen "null" oder beide gesetzt sein.',
  'verify.wrong-key':
    'Keiner der {count} Datensätze entschlüsselt sich mit diesem Standortschlüssel zu einem aufgefüllten Ausweis; die Datei wurde mit dem Schlüssel eines anderen Standorts erstellt oder ist beschädigt. Prüfen Sie die Schlüsseldatei.',
  'verify.bad-record':
    '{records} entschlüsseln sich zu etwas, das kein aufgefüllter Ausweis ist; sie wurden mit einem anderen Schlüssel verschlüsselt oder beschädigt und passen nie. Erstellen Sie die Türdatei neu.',
  'verify.all-ff': '{records} enthalten einen Ausweis nur aus 0xFF-Bits, den ENGAGE-Schlösser nicht unterstützen; ersetzen Sie diese Ausweise.',
  'verify.unsorted':
    'Die Datensätze stehen nicht in aufsteigender Folge ihres unverschlüsselten primären Ausweises: {first} kommt nach {second}{more}. Erstellen Sie die Datei mit ReaderDesk neu, um sie zu sortieren.',
  'verify.more-pairs': ', und {count} weitere solche Paare',
  'verify.duplicate':
    'Gleiche Ausweise kommen mehrfach vor ({records}); ein Schloss behandelt eine Datei mit Duplikaten als unsortiert. Entfernen Sie die wiederholten Datensätze.',
  'verify.mixed-secondary':
    '{records} teilen sich einen primären Ausweis, aber nur manche haben einen sekundären; das Schloss handelt nach {record} und fragt nie nach dem zweiten Faktor. Geben Sie allen einen sekundären Ausweis oder keinem.',
  'doorjson.not-json':
    'Die Türdatei ist kein gültiges JSON{where}; prüfen Sie, ob sie vollständig kopiert wurde und ob --in die Türdatei nennt, nicht die Schlüsseldatei.',
  'doorjson.no-users': 'Die Türdatei hat weder eine Liste "users" noch eine Liste "db.usrRcrd.add"; sie sieht nicht wie eine Türdatei aus.',
  'doorjson.bad-record': 'Der Datensatz {position} der Türdatei ist fehlerhaft ({problem}); erzeugen Sie die Datei neu.',
  'doorjson.no-primary': 'Der Datensatz {position} der Türdatei hat weder "primeCred" noch "primeCr"; jeder Datensatz braucht seinen primären Ausweis.',
};

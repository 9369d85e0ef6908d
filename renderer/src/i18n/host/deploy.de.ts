// German for the catalogue's sentences of deploy results and the event log's activities
// (shared/errors/sentences/deploy.ts).

import type { DEPLOY_SENTENCES } from '../../../../shared/errors/sentences/deploy.ts';

export const DEPLOY_SENTENCES_DE: { readonly [C in keyof typeof DEPLOY_SENTENCES]: string } = {
  'deploy.not-started-busy':
    'Nicht begonnen: ein anderer Aufspielvorgang sendet gerade eine Datei an {port}, daher wurde nichts gesendet. Warten Sie, bis er fertig ist, und spielen Sie dann bei Bedarf erneut auf.',
  'deploy.not-started-same':
    'Nicht begonnen: {port} ist derselbe Leser wie {other}, an den ein anderer Aufspielvorgang gerade eine Datei sendet, daher wurde nichts gesendet. Warten Sie, bis er fertig ist.',
  'deploy.nothing-sent': 'Nicht aufgespielt: {why:stop} Es wurden keine Dateidaten an den Leser gesendet.',
  'deploy.accepted-unread':
    'Angenommen: der Leser hat die Datei bestätigt. Nach seinem Neustart hat er nicht geantwortet, daher wurde nicht zurückgelesen, womit er jetzt läuft; prüfen Sie es mit „Auslesen“ oder „readerdesk info“.',
  'deploy.accepted-runs': 'Angenommen; nach seinem Neustart läuft der Leser mit {config}.',
  'deploy.accepted-confirmation-lost':
    'Angenommen: die Bestätigung des Lesers ging auf der Leitung verloren, aber nach seinem Neustart läuft er mit {config}, womit er vor diesem Aufspielen nicht lief.',
  'deploy.not-deployed-unchanged':
    'Nicht aufgespielt: {why} Danach geprüft: der Leser läuft weiterhin mit {config}, wie vor diesem Aufspielen. Spielen Sie erneut auf.',
  'deploy.unknown':
    'Unbekannt — diesen Leser prüfen: die Leitung ist beim letzten Block gestört worden ({why:bare}), und {seen}. Prüfen Sie mit „Auslesen“ oder „readerdesk info“, womit er läuft, und spielen Sie bei Bedarf erneut auf.',
  'deploy.seen-silent': 'danach hat er nicht geantwortet',
  'deploy.seen-runs': 'er läuft mit {config}, was nicht belegt, welche Datei er übernommen hat',
  'deploy.not-deployed': 'Nicht aufgespielt: {why:stop}{checked}',
  'deploy.checked-unchanged': ' Danach geprüft: der Leser läuft weiterhin mit {config}, wie vor diesem Aufspielen.',
  'deploy.checked-never-whole':
    ' Ein Leser übernimmt eine Datei erst, wenn er sie ganz hat, und den letzten Block hat er nie erhalten; prüfen Sie ihn im Zweifel mit „Auslesen“.',
  'deploy.config-without-id': 'einer Konfiguration ohne Kennung',
  'deploy.no-configuration': 'keiner Konfiguration',
  'deploy.failed': 'Nicht aufgespielt: {why}',
  'deploy.rejected': 'Abgelehnt: {why}',
  'deploy.firmware-bec-only':
    'Abgelehnt: Firmware vor Version 2.00 lädt nur BEC-Dateien, und dieser Leser kann keine BEC2-Datei übernehmen. Aktualisieren Sie seine Firmware auf 2.00 oder neuer, oder laden Sie die Konfiguration als BEC-Datei mit den Werkzeugen von BALTECH.',
  'deploy.already-up-to-date': 'Bereits aktuell: der Leser hat schon alles aus dieser Datei, daher wurde nichts geändert.',

  'deploy.why.busy': 'der Leser ist mit einer anderen Übertragung beschäftigt; versuchen Sie es in einigen Sekunden erneut.',
  'deploy.why.read-file': 'der Leser konnte die angeforderten Dateidaten nicht lesen.',
  'deploy.why.format': 'der Leser hat die Datei als beschädigt oder nicht im BEC2-Format erkannt; exportieren Sie sie erneut aus der BALCFG.',
  'deploy.why.customer-key':
    'die Datei wurde mit einem Kundenschlüssel finalisiert, den dieser Leser nicht annimmt; finalisieren Sie sie auf einem Leser mit dem Kundenschlüssel dieses Lesers.',
  'deploy.why.other-configuration':
    'der Leser läuft mit einer anderen Konfiguration (sein Config Security Code weicht ab); setzen Sie ihn erst auf Werkseinstellungen zurück, wenn er die Konfiguration wechseln soll.',
  'deploy.why.rollback':
    'die Datei ist eine ältere Version als die, mit der der Leser läuft (Rollback-Schutz); erstellen Sie stattdessen aus der alten eine neue Version.',
  'deploy.why.cmac': 'ein Nachrichtenauthentifizierungscode in der Datei ist falsch: die Datei wurde verändert oder beschädigt.',
  'deploy.why.upload': 'der Leser konnte die Konfiguration nicht in seinem Speicher ablegen.',
  'deploy.why.no-security-code': 'der Leser hat keinen Config Security Code, um diese Datei zu entschlüsseln.',
  'deploy.why.ecc-key': 'die Datei wurde für einen anderen Leserschlüssel verschlüsselt.',

  'port.rate-lost':
    'der Leser antwortete bei {baud} Baud, auf die Sys.SetCommParam ihn umgeschaltet hatte, nicht mehr und auch nicht bei {from}; er kehrt bei einem Neustart (aus- und einschalten) zu seiner eingestellten Rate zurück, und eine Höchstrate unter {baud} für diesen Port verhindert, dass es wieder geschieht',

  'activity.deployed': 'Aufgespielt: {file} (SHA-256 {sha}…): {result}',
  'activity.reset-done': 'Werksreset: die Konfiguration{config} des Lesers und sein Config Security Code wurden entfernt.',
  'activity.reset-failed': 'Der Werksreset wurde nicht abgeschlossen: {reason}',
  'activity.finalized': '{file} Version {version} ({configId}) in {bec2} finalisiert, SHA-256 {sha}…',
  'activity.finalize-failed': 'Das Finalisieren von {file} Version {version} wurde nicht abgeschlossen: {reason}',
};

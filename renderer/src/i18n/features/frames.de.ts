// German for frames.ts, loaded with the German language pack (../german.ts), never with an English first load.
import type { en } from './frames.ts';

export const de: typeof en = {
  title: 'Frame-Protokoll',
  intro: 'Jeder BRP-Frame zwischen ReaderDesk und den Lesern, neueste zuerst. Schlüsselmaterial wird vor dem Speichern durch „redacted“ ersetzt.',
  filters: 'Filter',
  reader: 'Leser',
  allReaders: 'alle Leser',
  direction: 'Richtung',
  allDirections: 'beide Richtungen',
  out: 'zum Leser',
  in: 'vom Leser',
  text: 'Text',
  textPlaceholder: 'Befehl, Status oder Hex',
  hidePolling: 'Alarmabfrage ausblenden (AR.GetMessage)',
  pause: 'Anhalten',
  resume: 'Fortsetzen',
  paused: 'Angehalten: neue Frames werden gesammelt, aber nicht angezeigt.',
  count: '{{shown}} von {{matching}} passenden Frames ({{total}} im Protokoll).',
  empty: 'Keine passenden Frames. Verbinden Sie einen Leser auf der Seite „Leser“ oder lockern Sie den Filter.',
  tableLabel: 'BRP-Frames',
  col: { time: 'Zeit', reader: 'Leser', direction: 'Richtung', hex: 'Frame (hex)', meaning: 'Bedeutung' },
  dirOut: '→ Leser',
  dirIn: '← Leser',
  diagnostics: {
    title: 'Diagnosepaket für den Support',
    text: 'Eine JSON-Datei mit App-Version, Betriebssystem, seriellen Schnittstellen, verbundenen Lesern, den letzten Frames und dem Ereignisprotokoll. Schlüsselmaterial wird entfernt.',
    path: 'Datei',
    button: 'Diagnosepaket exportieren',
    busy: 'Exportiere…',
    done: 'Diagnosepaket ({{frames}} Frames, {{events}} Ereignisse) in {{path}} gespeichert.',
  },
};

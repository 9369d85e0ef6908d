// German for events.ts, loaded with the German language pack (../german.ts), never with an English first load.
import type { en } from './events.ts';

export const de: typeof en = {
  title: 'Ereignisse',
  intro: 'Sabotagealarme, Verbindungsereignisse sowie Aufspielen, Finalisieren und Werksresets, neueste zuerst. Das Protokoll liegt im Speicher, bis ReaderDesk beendet wird; exportieren Sie es, um es aufzubewahren.',
  empty: 'Noch keine Ereignisse. Sabotagealarme und Verbindungsprobleme verbundener Leser erscheinen hier.',
  logLabel: 'Ereignisprotokoll',
  col: { time: 'Zeit', reader: 'Leser', event: 'Ereignis', details: 'Details', status: 'Status' },
  kind: {
    'tamper-on': 'Sabotagealarm: Gehäuse geöffnet',
    'tamper-off': 'Sabotagealarm beendet: Gehäuse geschlossen',
    'tamper-unavailable': 'Kann Sabotagealarme nicht über BRP melden',
    'reader-lost': 'Leser verloren, verbinde neu',
    'reader-reconnected': 'Leser wieder verbunden',
    'reader-disconnected': 'Leser antwortet nicht, neuer Versuch läuft',
    deploy: 'Konfiguration aufgespielt',
    finalize: 'Konfiguration finalisiert',
    'factory-reset': 'Werksreset',
    'reader-removed': 'Leser getrennt',
  },
  severity: { alarm: 'Alarm', warning: 'Warnung', info: 'Information' },
  tamperUnavailable: {
    'autoread-disabled': 'Autoread ist in der Konfiguration des Lesers ausgeschaltet (AR.ErrArDisabled).',
    'not-supported': 'Der Firmware des Lesers fehlt AR.GetMessage.',
  },
  open: 'nicht quittiert',
  acknowledgedAt: 'quittiert {{time}}',
  acknowledge: 'Quittieren',
  acknowledgeLabel: 'Sabotagealarm von {{reader}} um {{time}} quittieren',
  acknowledgeAll: 'Alle quittieren ({{count}})',
  acknowledgeAllLabel: 'Alle {{count}} Sabotagealarme von {{reader}} quittieren',
  export: {
    title: 'Protokoll exportieren',
    path: 'Datei',
    format: 'Format',
    csv: 'CSV (Tabellenkalkulation)',
    json: 'JSON',
    button: 'Protokoll exportieren',
    busy: 'Exportiere…',
    done: '{{count}} Ereignisse in {{path}} gespeichert.',
  },
  alarm: {
    region: 'Sabotagealarme',
    title: 'Sabotagealarm',
    text: 'Das Gehäuse des Lesers {{reader}} wurde um {{time}} geöffnet. Prüfen Sie den Leser vor Ort, bevor Sie ihm wieder vertrauen.',
    textMany:
      'Das Gehäuse des Lesers {{reader}} wurde {{count}}-mal geöffnet, zuerst um {{first}}, zuletzt um {{time}}. Prüfen Sie den Leser vor Ort, bevor Sie ihm wieder vertrauen.',
    closed: 'Das Gehäuse wurde um {{time}} wieder geschlossen.',
    hint: 'Escape quittiert die Alarme des Lesers, der den Fokus hat.',
  },
};

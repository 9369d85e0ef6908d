import { useTranslation } from 'react-i18next';
import type { TagInfoResult, TagSegmentView } from '../../../../shared/api/features/tags.ts';

type PresentTag = Extract<TagInfoResult, { present: true }>;

/** "PIN 3" or "PIN 252 (master PIN 0)". */
export function usePinName() {
  const { t } = useTranslation();
  return (index: number) => (index >= 0xfc ? t('tags.pinMaster', { index, master: index - 0xfc }) : t('tags.pin', { index }));
}

export function TagInfoPanel({ info }: { info: PresentTag }) {
  const { t } = useTranslation();
  const pinName = usePinName();
  const access = (allowed: boolean, withPin: boolean, index: number) =>
    !allowed ? <span className="tg-deny">{t('tags.seg.denied')}</span> : withPin ? <span className="tg-pin">{t('tags.seg.withPin', { pin: pinName(index) })}</span> : <span>{t('tags.seg.open')}</span>;
  const edit = (s: TagSegmentView) => (s.locked ? <span className="tg-locked">{t('tags.seg.locked')}</span> : pinName(s.editPinIndex));
  return (
    <div className="panel" data-testid="tag-info">
      <h3>{t('tags.info.heading')}</h3>
      <dl className="tg-facts">
        <dt>{t('tags.info.layout')}</dt>
        <dd>{t('tags.info.layoutValue', { version: info.layoutVersion, count: info.segmentCount, size: info.segmentSize })}</dd>
        <dt>{t('tags.info.counter')}</dt>
        <dd data-testid="tag-counter">
          {info.counter} {info.usageFlagSet ? <span className="muted">({t('tags.info.usageSet')})</span> : <span className="muted">({t('tags.info.usageClear')})</span>}
        </dd>
        <dt>{t('tags.info.masterPins')}</dt>
        <dd data-testid="tag-master-pins">{info.masterPinCount}</dd>
        <dt>{t('tags.info.name')}</dt>
        <dd className="mono">{info.nameText !== null ? (info.nameText ? `“${info.nameText}”` : t('tags.info.noName')) : info.nameHex}</dd>
      </dl>
      <table className="tg-segments" aria-label={t('tags.seg.caption')}>
        <caption>{t('tags.seg.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tags.seg.segment')}</th>
            <th scope="col">{t('tags.seg.read')}</th>
            <th scope="col">{t('tags.seg.write')}</th>
            <th scope="col">{t('tags.seg.edit')}</th>
          </tr>
        </thead>
        <tbody>
          {info.segments.map((s) => (
            <tr key={s.segment} data-segment={s.segment} className={s.readPin || s.writePin || !s.read || !s.write || s.locked ? 'tg-protected' : ''}>
              <th scope="row">{s.segment}</th>
              <td>{access(s.read, s.readPin, s.readPinIndex)}</td>
              <td>{access(s.write, s.writePin, s.writePinIndex)}</td>
              <td>{edit(s)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

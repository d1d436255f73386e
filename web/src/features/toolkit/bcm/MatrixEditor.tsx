import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { AudiencesEditor } from './AudiencesEditor';
import { ErrorText, NumberInput, PeoplePicker } from './fields';
import { fieldId } from './issues';
import { emptyCell, setCell, type EditorProps } from './plan';
import { channelTypes, type Audience, type ChannelType, type Level } from './types';

interface CellProps extends EditorProps {
  level: Level;
  audience: Audience;
}

/** One cell: whether this audience is told at this level, within how long, how, and whom. */
function MatrixCell({ plan, change, issues, level, audience }: CellProps) {
  const { t } = useTranslation('toolkit');
  const cell = plan.matrix[level.id]?.audiences[audience.id] ?? emptyCell();
  const at = `matrix.${level.id}.audiences.${audience.id}`;
  const errors = [
    ...issues.at(at),
    ...issues.at(`${at}.informed`),
    ...issues.at(`${at}.minutes`),
    ...issues.at(`${at}.channel`),
    ...issues.at(`${at}.contacts`),
  ];
  const errorId = `${fieldId(at)}-errors`;
  const described = errors.length > 0 ? errorId : undefined;
  const names = { audience: audience.name, level: level.name };
  const people = plan.contacts.filter((c) => cell.contacts.includes(c.id)).map((c) => c.name);
  const update = (patch: Parameters<typeof setCell>[2]) =>
    change(setCell(level.id, audience.id, patch));
  return (
    <td
      className={errors.length > 0 ? 'bcm-cell bcm-cell--error' : 'bcm-cell'}
      data-cell={`${level.id}:${audience.id}`}
    >
      <label className="bcm-cell__informed">
        <input
          id={fieldId(`${at}.informed`)}
          type="checkbox"
          checked={cell.informed}
          aria-describedby={described}
          onChange={(event) =>
            update(
              event.target.checked
                ? { informed: true, minutes: cell.minutes ?? 60, channel: cell.channel ?? 'phone' }
                : { informed: false },
            )
          }
        />
        <span>{t('bcm.matrix.informed')}</span>
        <span className="visually-hidden">{t('bcm.matrix.cellName', names)}</span>
      </label>
      {cell.informed ? (
        <div className="bcm-cell__details">
          <span className="bcm-cell__minutes">
            <NumberInput
              id={fieldId(`${at}.minutes`)}
              value={cell.minutes}
              onChange={(minutes) => update({ minutes })}
              ariaLabel={t('bcm.matrix.minutesLabel', names)}
              describedById={described}
              invalid={issues.at(`${at}.minutes`).length > 0}
            />
            <span aria-hidden="true">{t('bcm.common.min')}</span>
          </span>
          <select
            id={fieldId(`${at}.channel`)}
            className="select select--compact"
            value={cell.channel ?? ''}
            aria-label={t('bcm.matrix.channelLabel', names)}
            aria-describedby={described}
            aria-invalid={issues.at(`${at}.channel`).length > 0 || undefined}
            onChange={(event) =>
              update({ channel: (event.target.value || null) as ChannelType | null })
            }
          >
            <option value="">{t('bcm.common.choose')}</option>
            {channelTypes.map((c) => (
              <option key={c} value={c}>
                {t(`bcm.channels.${c}`)}
              </option>
            ))}
          </select>
          <PeoplePicker
            id={fieldId(`${at}.contacts`)}
            label={t('bcm.matrix.peopleLabel', names)}
            summary={
              people.length > 0
                ? people.join(', ')
                : audience.target === 'affected-operators'
                  ? t('bcm.matrix.operatorsDefault')
                  : t('bcm.matrix.audienceDefault')
            }
            options={plan.contacts}
            chosen={cell.contacts}
            onChange={(contacts) => update({ contacts })}
            describedById={described}
          />
        </div>
      ) : null}
      <ErrorText id={errorId} messages={errors} />
    </td>
  );
}

/** The escalation matrix: levels down, audiences across; each row names its owner. */
export function MatrixEditor(props: EditorProps) {
  const { plan, change, issues } = props;
  const { t } = useTranslation('toolkit');
  return (
    <>
      <section aria-labelledby="bcm-matrix-title">
        <h2 id="bcm-matrix-title" className="bcm-section-title">
          {t('bcm.matrix.title')}
        </h2>
        <p className="bcm-intro">{t('bcm.matrix.intro')}</p>
        {issues.all
          .filter((i) => /^matrix\.[^.]+$/.test(i.field))
          .map((i) => (
            <p key={i.field} className="bcm-error">
              {i.text}
            </p>
          ))}
        <div
          className="table-wrap bcm-matrix-wrap"
          role="region"
          aria-labelledby="bcm-matrix-title"
          tabIndex={0}
        >
          <table
            className="table bcm-matrix"
            data-testid="bcm-matrix"
            style={{ '--bcm-columns': plan.audiences.length } as CSSProperties}
          >
            <caption className="visually-hidden">{t('bcm.matrix.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('bcm.matrix.levelAndOwner')}</th>
                {plan.audiences.map((a) => (
                  <th key={a.id} scope="col">
                    {a.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {plan.levels.map((level) => {
                const owner = plan.matrix[level.id]?.owner ?? '';
                const ownerField = `matrix.${level.id}.owner`;
                const ownerErrors = issues.at(ownerField);
                return (
                  <tr key={level.id} data-level={level.id}>
                    <th
                      scope="row"
                      className={ownerErrors.length > 0 ? 'bcm-owner bcm-cell--error' : 'bcm-owner'}
                    >
                      <span className="bcm-owner__level">
                        <span
                          className="bcm-swatch"
                          style={{ background: level.colour }}
                          aria-hidden="true"
                        />
                        {level.name}
                      </span>
                      <label className="bcm-owner__label" htmlFor={fieldId(ownerField)}>
                        {t('bcm.matrix.owner')}
                      </label>
                      <select
                        id={fieldId(ownerField)}
                        className="select select--compact"
                        value={owner}
                        aria-describedby={
                          ownerErrors.length > 0 ? `${fieldId(ownerField)}-errors` : undefined
                        }
                        aria-invalid={ownerErrors.length > 0 || undefined}
                        onChange={(event) =>
                          change((p) => {
                            const row = (p.matrix[level.id] ??= { owner: null, audiences: {} });
                            row.owner = event.target.value || null;
                          })
                        }
                      >
                        <option value="">{t('bcm.matrix.noOwner')}</option>
                        {plan.contacts.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name}
                          </option>
                        ))}
                      </select>
                      <ErrorText id={`${fieldId(ownerField)}-errors`} messages={ownerErrors} />
                    </th>
                    {plan.audiences.map((audience) => (
                      <MatrixCell key={audience.id} {...props} level={level} audience={audience} />
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <AudiencesEditor {...props} />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui';
import { KeySummary } from './KeySummary';
import { ListField } from './ListField';
import { ServicesPicker } from './ServicesPicker';
import { TextAreaField } from './TextAreaField';
import { fieldId, getAt, kindOf, securityTxtFields, setAt, type FieldErrors } from './fields';
import type { KeyInfo, Rfc2350Profile, ServicesCatalogue, TemplateSection } from './types';

interface ProfileFormProps {
  template: readonly TemplateSection[];
  profile: Rfc2350Profile;
  errors: FieldErrors;
  keyInfo: KeyInfo | null;
  catalogue: ServicesCatalogue | null;
  planned: ReadonlyArray<{ id: string; horizon: string }>;
  onChange(profile: Rfc2350Profile): void;
}

/** `YYYY-MM-DD` of an RFC 3339 value, for the date input. */
const dayOf = (value: string) => (/^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '');

/** One profile field, edited the way its kind needs, with its label and help. */
function ProfileField({ path, ...props }: ProfileFormProps & { path: string }) {
  const { t } = useTranslation('toolkit');
  const { profile, errors, onChange } = props;
  const id = fieldId(path);
  const label = t(`rfc2350.fields.${path}.label`);
  const hint = t(`rfc2350.fields.${path}.hint`);
  const error = errors[path];
  const value = getAt(profile, path);
  const set = (next: unknown) => onChange(setAt(profile, path, next));
  const kind = kindOf(path);
  if (kind === 'services')
    return (
      <ServicesPicker
        catalogue={props.catalogue}
        planned={props.planned}
        value={value as string[]}
        error={error}
        onChange={set}
      />
    );
  if (kind === 'list')
    return (
      <ListField
        id={id}
        label={label}
        hint={`${hint} ${t('rfc2350.onePerLine')}`}
        error={error}
        value={value as string[]}
        onChange={set}
      />
    );
  if (kind === 'key')
    return (
      <div className="rfc2350-keyfield">
        <TextAreaField
          id={id}
          label={label}
          hint={hint}
          error={error}
          value={value as string}
          onChange={set}
          rows={value ? 8 : 4}
          code
          placeholder="-----BEGIN PGP PUBLIC KEY BLOCK-----"
        />
        {props.keyInfo && !error ? <KeySummary info={props.keyInfo} /> : null}
      </div>
    );
  if (kind === 'date')
    return (
      <TextField
        id={id}
        type="date"
        label={label}
        hint={hint}
        error={error}
        value={dayOf(value as string)}
        onChange={(day) => set(day ? `${day}T23:59:59Z` : '')}
      />
    );
  if (kind === 'text')
    return (
      <TextAreaField
        id={id}
        label={label}
        hint={hint}
        error={error}
        value={value as string}
        onChange={set}
      />
    );
  return (
    <TextField
      id={id}
      type={kind === 'line' ? 'text' : kind}
      dir={kind === 'line' ? undefined : 'ltr'}
      autoComplete="off"
      required={path === 'contact.teamName'}
      label={label}
      hint={hint}
      error={error}
      value={value as string}
      onChange={set}
    />
  );
}

const anchor = (number: string) => `rfc2350-section-${number.replace(/\./g, '-')}`;

/** A section's heading, automatic notes, SIM3 link and fields (without its subsections). */
function SectionBody({ section, ...props }: ProfileFormProps & { section: TemplateSection }) {
  const { t } = useTranslation('toolkit');
  const Heading = section.level === 1 ? 'h2' : section.level === 2 ? 'h3' : 'h4';
  const number = section.level === 1 ? `${section.number}.` : section.number;
  const auto = { '1': 'intro', '1.1': 'lastUpdate' }[section.number];
  return (
    <>
      <Heading id={`${anchor(section.number)}-title`} className="rfc2350-section__title">
        <span className="rfc2350-section__number">{number}</span> {section.title}
      </Heading>
      {auto ? <p className="field__hint">{t(`rfc2350.auto.${auto}`)}</p> : null}
      {section.sim3.length > 0 ? (
        <p className="rfc2350-section__sim3">
          {t('rfc2350.sim3', { parameters: section.sim3.join(', ') })}
        </p>
      ) : null}
      {section.fields.map((path) => (
        <ProfileField key={path} path={path} {...props} />
      ))}
    </>
  );
}

/**
 * The profile in the order of RFC 2350's template: one card per top-level section holding its
 * subsections. A last card holds the security.txt fields, which the template does not have.
 */
export function ProfileForm(props: ProfileFormProps) {
  const { t } = useTranslation('toolkit');
  const top = props.template.filter((s) => s.level === 1);
  const within = (parent: TemplateSection) =>
    props.template.filter((s) => s.number.startsWith(`${parent.number}.`));
  return (
    <div className="rfc2350-form">
      <nav className="rfc2350-toc" aria-label={t('rfc2350.contents')}>
        <ol>
          {top.map((s) => (
            <li key={s.number}>
              <a href={`#${anchor(s.number)}`}>{`${s.number}. ${s.title}`}</a>
            </li>
          ))}
          <li>
            <a href="#rfc2350-section-securitytxt">{t('rfc2350.securityTxt.title')}</a>
          </li>
        </ol>
      </nav>
      {top.map((parent) => (
        <section
          key={parent.number}
          id={anchor(parent.number)}
          className="rfc2350-section rfc2350-section--1"
          aria-labelledby={`${anchor(parent.number)}-title`}
        >
          <SectionBody section={parent} {...props} />
          {within(parent).map((section) => (
            <section
              key={section.number}
              id={anchor(section.number)}
              className={`rfc2350-section rfc2350-section--${section.level}`}
              aria-labelledby={`${anchor(section.number)}-title`}
            >
              <SectionBody section={section} {...props} />
            </section>
          ))}
        </section>
      ))}
      <section
        id="rfc2350-section-securitytxt"
        className="rfc2350-section rfc2350-section--1"
        aria-labelledby="rfc2350-section-securitytxt-title"
      >
        <h2 id="rfc2350-section-securitytxt-title" className="rfc2350-section__title">
          {t('rfc2350.securityTxt.title')}
        </h2>
        <p className="field__hint">{t('rfc2350.securityTxt.intro')}</p>
        {securityTxtFields.map((name) => (
          <ProfileField key={name} path={`securityTxt.${name}`} {...props} />
        ))}
      </section>
    </div>
  );
}

import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function Rfc2350Page() {
  return <PageHeader title="Rfc2350Page" />;
}

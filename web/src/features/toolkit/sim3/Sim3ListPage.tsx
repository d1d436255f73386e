import { PageHeader } from '../../../ui';

/** Placeholder until this page is written. */
export default function Sim3ListPage() {
  return <PageHeader title="Sim3ListPage" />;
}

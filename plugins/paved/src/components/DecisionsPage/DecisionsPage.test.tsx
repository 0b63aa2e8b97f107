import { Entity } from '@backstage/catalog-model';
import { renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { catalogApiRef, entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DecisionsPage } from './DecisionsPage';

// Rendering the whole page takes seconds on a loaded 2-core machine.
jest.setTimeout(20_000);

const adr = (name: string, status: string, date: string, owner: string) =>
  ({
    apiVersion: 'paved.dev/v1alpha1',
    kind: 'ADR',
    metadata: { name, namespace: 'default', title: `Decision ${name}` },
    spec: { owner, status, date },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  } as Entity);

function renderPage(items: Entity[]) {
  const catalogApi = { getEntities: jest.fn(async () => ({ items })) };
  return renderInTestApp(
    <TestApiProvider apis={[[catalogApiRef, catalogApi]]}>
      <DecisionsPage />
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  ).then(() => catalogApi);
}

describe('DecisionsPage', () => {
  it('lists every ADR, newest first, and filters by status', async () => {
    const catalogApi = await renderPage([
      adr('old', 'superseded', '2023-01-01', 'platform-team'),
      adr('new', 'accepted', '2025-05-05', 'payments-team'),
    ]);
    expect(catalogApi.getEntities).toHaveBeenCalledWith({
      filter: { kind: 'ADR' },
    });
    expect(await screen.findByText('Decisions (2)')).toBeInTheDocument();
    expect(
      screen
        .getByRole('region', { name: 'Decisions' })
        .closest('#paved-decisions'),
    ).not.toBeNull();
    expect(
      screen.getByRole('group', { name: 'Filter decisions' }),
    ).toContainElement(screen.getByLabelText('From'));
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Decision new');
    expect(rows[1]).toHaveTextContent('Decision old');

    // The filter menu comes before the table's sortable Status header.
    await userEvent.click(
      screen.getAllByRole('button', { name: /^Status/ })[0],
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('superseded'),
    );
    expect(await screen.findByText('Decisions (1)')).toBeInTheDocument();
    expect(screen.queryByText('Decision new')).not.toBeInTheDocument();
  });

  it('tells the user how to get ADRs into the catalog when there are none', async () => {
    await renderPage([]);
    expect(
      await screen.findByText('No decisions in the catalog yet'),
    ).toBeInTheDocument();
    expect(screen.getByText(/paved\.dev\/adr-location/)).toBeInTheDocument();
  });
});

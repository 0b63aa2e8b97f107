import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CollapsibleList } from './CollapsibleList';

const objects = Array.from({ length: 15 }, (_, i) => `Deployment d-${i + 1}`);

function List(props: { items: string[]; omitted?: number }) {
  return (
    <CollapsibleList
      items={props.items}
      label="Failing objects: Probes"
      limit={3}
      noun={['failing objects', 'failing object']}
      itemKey={o => o}
      renderItem={o => o}
      omitted={props.omitted}
    />
  );
}

describe('CollapsibleList', () => {
  it('shows the first items and says how many more, then expands and collapses', async () => {
    render(<List items={objects} />);
    const list = screen.getByRole('list', { name: 'Failing objects: Probes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const more = screen.getByRole('button', {
      name: '12 more failing objects',
    });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    expect(more).toHaveAttribute('aria-controls', list.id);

    await userEvent.click(more);
    expect(within(list).getAllByRole('listitem')).toHaveLength(15);
    const fewer = screen.getByRole('button', {
      name: 'Show fewer failing objects',
    });
    expect(fewer).toHaveAttribute('aria-expanded', 'true');

    await userEvent.click(fewer);
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
  });

  it('is reachable and works from the keyboard', async () => {
    render(<List items={objects} />);
    await userEvent.tab();
    expect(
      screen.getByRole('button', { name: '12 more failing objects' }),
    ).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getAllByRole('listitem')).toHaveLength(15);
  });

  it('does not collapse a single item, and says what the backend only counted', () => {
    render(<List items={objects.slice(0, 4)} omitted={7} />);
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
    expect(screen.queryByRole('button')).toBeNull();
    expect(
      screen.getByText('and 7 more failing objects, counted but not listed'),
    ).toBeInTheDocument();
  });

  it('uses the singular for one', async () => {
    render(<List items={objects.slice(0, 5)} />);
    expect(
      screen.getByRole('button', { name: '2 more failing objects' }),
    ).toBeInTheDocument();
    render(<List items={objects.slice(0, 3)} omitted={1} />);
    expect(
      screen.getByText('and 1 more failing object, counted but not listed'),
    ).toBeInTheDocument();
  });
});

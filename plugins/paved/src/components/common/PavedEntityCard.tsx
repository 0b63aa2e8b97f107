import { InfoCard, Progress } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';
import { ApiErrorPanel } from './ApiErrorPanel';
import { PavedCardRoot } from './PavedCardRoot';
import { LastRead, RefreshFailed } from './refresh/RefreshStatus';
import { PolledRead } from './refresh/usePolledRead';

/** A card whose body needs the answer of its polled read. */
interface ReadingCardProps<T> {
  read: PolledRead<T>;
  /** The card's body once it has an answer (kept through failed refreshes). */
  children: (value: T) => ReactNode;
  /** A line under the title, from the answer. */
  subheader?: (value: T) => string | undefined;
}

/** A card that reads on its own inside (or reads several things). */
interface StaticCardProps {
  read?: undefined;
  children: ReactNode;
  subheader?: undefined;
}

/**
 * The skeleton every Paved entity card shares: its anchor and text colours,
 * Backstage's `InfoCard` with an `h2` title, and the states of its read:
 * what the entity must declare first (`setup`), loading (`Progress`), a
 * failed first read (`ApiErrorPanel`), then the body between a failed
 * refresh's banner and when it was last read.
 */
export function PavedEntityCard<T>(
  props: {
    /** The card's anchor id, for links to it (`#paved-drift`). */
    anchor: string;
    title: string;
    /** Said instead of reading when the entity lacks what the card needs. */
    setup?: ReactNode;
  } & (ReadingCardProps<T> | StaticCardProps),
) {
  const { anchor, title, setup } = props;
  let content: ReactNode;
  let subheader: string | undefined;
  if (setup) {
    content =
      typeof setup === 'string' ? (
        <Typography variant="body2">{setup}</Typography>
      ) : (
        setup
      );
  } else if (props.read === undefined) {
    content = props.children;
  } else {
    const { read, children } = props;
    if (read.loading) {
      content = <Progress />;
    } else if (read.error && !read.value) {
      content = <ApiErrorPanel error={read.error} />;
    } else if (read.value) {
      subheader = props.subheader?.(read.value) || undefined;
      content = (
        <>
          <RefreshFailed read={read} />
          {children(read.value)}
          <LastRead read={read} />
        </>
      );
    }
  }
  return (
    <PavedCardRoot id={anchor}>
      <InfoCard
        title={title}
        titleTypographyProps={{ component: 'h2' }}
        subheader={subheader}
      >
        {content}
      </InfoCard>
    </PavedCardRoot>
  );
}

/**
 * Splitting a variable name into upper-case tokens and writing tokens back in the same
 * style, so a name derived from `MOMO_COLLECTION_USER_ID` or `CollectionApiUser` looks like
 * its neighbours.
 */

export type NameStyle = 'upperSnake' | 'lowerSnake' | 'pascal' | 'camel';

export interface NameParts {
  tokens: string[];
  style: NameStyle;
}

const CAMEL_PIECE = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

export function splitName(name: string): NameParts {
  const tokens: string[] = [];
  for (const piece of name.split(/[_\-.]+/)) {
    if (piece === '') continue;
    if (piece === piece.toUpperCase() || piece === piece.toLowerCase()) {
      tokens.push(piece.toUpperCase());
      continue;
    }
    for (const match of piece.match(CAMEL_PIECE) ?? [piece]) tokens.push(match.toUpperCase());
  }
  const letters = name.replace(/[^A-Za-z]/g, '');
  let style: NameStyle;
  if (letters === letters.toUpperCase()) style = 'upperSnake';
  else if (letters === letters.toLowerCase()) style = 'lowerSnake';
  else style = /^[A-Z]/.test(name) ? 'pascal' : 'camel';
  // Mixed case with separators (Momo_ApiKey) is rare; it is written back without separators.
  return { tokens, style };
}

function capitalize(token: string): string {
  return token.charAt(0).toUpperCase() + token.slice(1).toLowerCase();
}

export function formatName(tokens: readonly string[], style: NameStyle): string {
  switch (style) {
    case 'upperSnake':
      return tokens.map((t) => t.toUpperCase()).join('_');
    case 'lowerSnake':
      return tokens.map((t) => t.toLowerCase()).join('_');
    case 'pascal':
      return tokens.map(capitalize).join('');
    case 'camel':
      return tokens.map((t, i) => (i === 0 ? t.toLowerCase() : capitalize(t))).join('');
  }
}

import type messages from './messages/en.json';

// Message keys are type-checked against the English file.
declare module 'next-intl' {
  interface AppConfig {
    Messages: typeof messages;
    Locale: 'en' | 'km';
  }
}

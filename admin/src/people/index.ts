/**
 * people/: the person-register screens shared by the children and the adopters (and the next
 * registers: offers, DI clients): a list with column choice and filters (`PersonList`), the record
 * sheet (`RecordSheet`: summary header, then the fields in a dense grid per tab), and the tabbed
 * form (`PersonForm`). Each resource gives its configuration: columns, sections, summary, tabs;
 * small fields and inputs of any screen are common/.
 */
export { PersonList, type PersonListProps } from './PersonList';
export { RecordSheet, type RecordSheetProps, type SheetTab } from './RecordSheet';
export { SummaryHeader, type SummaryHeaderProps, type SummaryItem } from './SummaryHeader';
export { PersonForm, type FormTab } from './PersonForm';
export { cardFormSx, cardTabsSx, FORM_GRID, longText as longTextInput, WIDE } from './cardLayout';
export { ByNameInput } from './ByNameInput';
export { FieldGrid, Wide, When } from './FieldGrid';
export { date, long, text, type CardSection } from './sections';

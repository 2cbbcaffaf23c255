/**
 * Three filters for the site list: district (县区), category (类别) and period (时期), each
 * a native picker whose first option is 全部; 不详 picks records with no stated value.
 */
import { Picker, Text, View } from '@tarojs/components'
import { CATEGORY_IDS, CATEGORY_LABELS, DISTRICTS, PERIODS, UNKNOWN, UNKNOWN_LABEL, type SiteFilters } from '../model'
import './filter-bar.scss'

interface Option<T> {
  value: T | undefined
  label: string
}

const ALL = '全部'
const DISTRICT_OPTIONS: Option<SiteFilters['district']>[] = [
  { value: undefined, label: ALL },
  ...DISTRICTS.map((d) => ({ value: d, label: d })),
  { value: UNKNOWN, label: UNKNOWN_LABEL }
]
const CATEGORY_OPTIONS: Option<SiteFilters['category']>[] = [
  { value: undefined, label: ALL },
  ...CATEGORY_IDS.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))
]
const PERIOD_OPTIONS: Option<SiteFilters['period']>[] = [
  { value: undefined, label: ALL },
  ...PERIODS.map((p) => ({ value: p, label: p })),
  { value: UNKNOWN, label: UNKNOWN_LABEL }
]

function FilterPicker<T>({ title, options, value, onChange }: { title: string; options: Option<T>[]; value: T | undefined; onChange: (v: T | undefined) => void }) {
  const index = Math.max(0, options.findIndex((o) => o.value === value))
  const label = options[index].label
  return (
    <Picker mode='selector' range={options.map((o) => o.label)} value={index} onChange={(e) => onChange(options[Number(e.detail.value)]?.value)}>
      <View className={`filter-bar__item${value !== undefined ? ' filter-bar__item--active' : ''}`} role='button'>
        <Text className='filter-bar__title'>{title}</Text>
        <Text className='filter-bar__value'>{label} ▾</Text>
      </View>
    </Picker>
  )
}

export function FilterBar({ filters, onChange }: { filters: SiteFilters; onChange: (patch: Partial<SiteFilters>) => void }) {
  return (
    <View className='filter-bar'>
      <FilterPicker title='县区' options={DISTRICT_OPTIONS} value={filters.district} onChange={(district) => onChange({ district })} />
      <FilterPicker title='类别' options={CATEGORY_OPTIONS} value={filters.category} onChange={(category) => onChange({ category })} />
      <FilterPicker title='时期' options={PERIOD_OPTIONS} value={filters.period} onChange={(period) => onChange({ period })} />
    </View>
  )
}

/** 竞答规则: the scoring formula, the time window, daily limits and ranking rules, as the server applies them. */
import { Text, View } from '@tarojs/components'
import { SCORING_RULES_TEXT } from '../../../features/quiz/model'
import { H5BackBar } from '../../../shared/ui/H5BackBar'
import { Section } from '../../../shared/ui/Section'
import { goBackOr } from '../../../shared/navigation'
import { PAGES } from '../../../shared/paths'
import './index.scss'

export default function RulesPage() {
  return (
    <View className='rules'>
      <H5BackBar title='竞答规则' onBack={() => goBackOr(PAGES.quiz)} />
      <Section title='规则'>
        {SCORING_RULES_TEXT.map((t, i) => (
          <View key={i} className='rules__item'>
            <Text className='rules__num'>{`${i + 1}.`}</Text>
            <Text className='rules__text'>{t}</Text>
          </View>
        ))}
      </Section>
    </View>
  )
}

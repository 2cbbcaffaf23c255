/**
 * @jest-environment node
 */
/**
 * The contract registration: each feature's suite, run on both of its sources by the harness.
 * Adding a feature adds one line here.
 */
import { runContractOnBothSources } from './harness'
import { heritageContract } from './heritage-suite'
import { meContract } from './me-suite'
import { quizContract } from './quiz-suite'

runContractOnBothSources(heritageContract)
runContractOnBothSources(meContract)
runContractOnBothSources(quizContract)

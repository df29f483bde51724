# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, QTime, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QSizePolicy, QSlider, QSpacerItem, QSpinBox, QTimeEdit, QVBoxLayout, QWidget

from lbp_desktop.views.reminder_settings_box import ReminderSettingsBox

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(820, 900)
        self.outerLayout = QVBoxLayout(SettingsPage)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.scrollArea = QScrollArea(SettingsPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.Shape.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.contentLayout = QVBoxLayout(self.scrollContents)
        self.contentLayout.setSpacing(14)
        self.contentLayout.setObjectName(u"contentLayout")
        self.contentLayout.setContentsMargins(28, 22, 28, 22)
        self.headingLabel = QLabel(self.scrollContents)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setProperty(u"role", u"heading")

        self.contentLayout.addWidget(self.headingLabel)

        self.dataCard = QFrame(self.scrollContents)
        self.dataCard.setObjectName(u"dataCard")
        self.dataCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.dataCard.setProperty(u"role", u"card")
        self.dataCardLayout = QVBoxLayout(self.dataCard)
        self.dataCardLayout.setSpacing(10)
        self.dataCardLayout.setObjectName(u"dataCardLayout")
        self.dataTitleLabel = QLabel(self.dataCard)
        self.dataTitleLabel.setObjectName(u"dataTitleLabel")
        self.dataTitleLabel.setProperty(u"role", u"sectionTitle")

        self.dataCardLayout.addWidget(self.dataTitleLabel)

        self.dataIntroLabel = QLabel(self.dataCard)
        self.dataIntroLabel.setObjectName(u"dataIntroLabel")
        self.dataIntroLabel.setWordWrap(True)

        self.dataCardLayout.addWidget(self.dataIntroLabel)

        self.dataPathLabel = QLabel(self.dataCard)
        self.dataPathLabel.setObjectName(u"dataPathLabel")
        self.dataPathLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.dataPathLabel.setWordWrap(True)
        self.dataPathLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dataPathLabel.setProperty(u"role", u"path")

        self.dataCardLayout.addWidget(self.dataPathLabel)

        self.dataButtonsLayout = QHBoxLayout()
        self.dataButtonsLayout.setSpacing(10)
        self.dataButtonsLayout.setObjectName(u"dataButtonsLayout")
        self.openFolderButton = QPushButton(self.dataCard)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.dataButtonsLayout.addWidget(self.openFolderButton)

        self.backupButton = QPushButton(self.dataCard)
        self.backupButton.setObjectName(u"backupButton")

        self.dataButtonsLayout.addWidget(self.backupButton)

        self.dataButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dataButtonsLayout.addItem(self.dataButtonsSpacer)


        self.dataCardLayout.addLayout(self.dataButtonsLayout)

        self.backupsLabel = QLabel(self.dataCard)
        self.backupsLabel.setObjectName(u"backupsLabel")

        self.dataCardLayout.addWidget(self.backupsLabel)

        self.backupsList = QListWidget(self.dataCard)
        self.backupsList.setObjectName(u"backupsList")
        self.backupsList.setMinimumSize(QSize(0, 120))
        self.backupsList.setMaximumSize(QSize(16777215, 160))

        self.dataCardLayout.addWidget(self.backupsList)

        self.restoreLayout = QHBoxLayout()
        self.restoreLayout.setSpacing(10)
        self.restoreLayout.setObjectName(u"restoreLayout")
        self.restoreButton = QPushButton(self.dataCard)
        self.restoreButton.setObjectName(u"restoreButton")
        self.restoreButton.setEnabled(False)

        self.restoreLayout.addWidget(self.restoreButton)

        self.restoreHintLabel = QLabel(self.dataCard)
        self.restoreHintLabel.setObjectName(u"restoreHintLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.restoreHintLabel.sizePolicy().hasHeightForWidth())
        self.restoreHintLabel.setSizePolicy(sizePolicy)
        self.restoreHintLabel.setWordWrap(True)
        self.restoreHintLabel.setProperty(u"role", u"hint")

        self.restoreLayout.addWidget(self.restoreHintLabel)


        self.dataCardLayout.addLayout(self.restoreLayout)

        self.exportGap = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.dataCardLayout.addItem(self.exportGap)

        self.exportTitleLabel = QLabel(self.dataCard)
        self.exportTitleLabel.setObjectName(u"exportTitleLabel")

        self.dataCardLayout.addWidget(self.exportTitleLabel)

        self.exportHintLabel = QLabel(self.dataCard)
        self.exportHintLabel.setObjectName(u"exportHintLabel")
        self.exportHintLabel.setWordWrap(True)
        self.exportHintLabel.setProperty(u"role", u"hint")

        self.dataCardLayout.addWidget(self.exportHintLabel)

        self.exportButtonsLayout = QHBoxLayout()
        self.exportButtonsLayout.setSpacing(10)
        self.exportButtonsLayout.setObjectName(u"exportButtonsLayout")
        self.exportPdfButton = QPushButton(self.dataCard)
        self.exportPdfButton.setObjectName(u"exportPdfButton")

        self.exportButtonsLayout.addWidget(self.exportPdfButton)

        self.exportCsvButton = QPushButton(self.dataCard)
        self.exportCsvButton.setObjectName(u"exportCsvButton")

        self.exportButtonsLayout.addWidget(self.exportCsvButton)

        self.exportFhirButton = QPushButton(self.dataCard)
        self.exportFhirButton.setObjectName(u"exportFhirButton")

        self.exportButtonsLayout.addWidget(self.exportFhirButton)

        self.exportButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportButtonsLayout.addItem(self.exportButtonsSpacer)


        self.dataCardLayout.addLayout(self.exportButtonsLayout)

        self.deleteGap = QSpacerItem(20, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)

        self.dataCardLayout.addItem(self.deleteGap)

        self.deleteTitleLabel = QLabel(self.dataCard)
        self.deleteTitleLabel.setObjectName(u"deleteTitleLabel")

        self.dataCardLayout.addWidget(self.deleteTitleLabel)

        self.deleteHintLabel = QLabel(self.dataCard)
        self.deleteHintLabel.setObjectName(u"deleteHintLabel")
        self.deleteHintLabel.setWordWrap(True)
        self.deleteHintLabel.setProperty(u"role", u"hint")

        self.dataCardLayout.addWidget(self.deleteHintLabel)

        self.deleteLayout = QHBoxLayout()
        self.deleteLayout.setSpacing(10)
        self.deleteLayout.setObjectName(u"deleteLayout")
        self.deleteButton = QPushButton(self.dataCard)
        self.deleteButton.setObjectName(u"deleteButton")

        self.deleteLayout.addWidget(self.deleteButton)

        self.deleteSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.deleteLayout.addItem(self.deleteSpacer)


        self.dataCardLayout.addLayout(self.deleteLayout)

        self.dataFeedbackLabel = QLabel(self.dataCard)
        self.dataFeedbackLabel.setObjectName(u"dataFeedbackLabel")
        self.dataFeedbackLabel.setWordWrap(True)
        self.dataFeedbackLabel.setProperty(u"role", u"feedback")

        self.dataCardLayout.addWidget(self.dataFeedbackLabel)


        self.contentLayout.addWidget(self.dataCard)

        self.goalCard = QFrame(self.scrollContents)
        self.goalCard.setObjectName(u"goalCard")
        self.goalCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.goalCard.setProperty(u"role", u"card")
        self.goalCardLayout = QVBoxLayout(self.goalCard)
        self.goalCardLayout.setSpacing(8)
        self.goalCardLayout.setObjectName(u"goalCardLayout")
        self.goalTitleLabel = QLabel(self.goalCard)
        self.goalTitleLabel.setObjectName(u"goalTitleLabel")
        self.goalTitleLabel.setProperty(u"role", u"sectionTitle")

        self.goalCardLayout.addWidget(self.goalTitleLabel)

        self.goalLayout = QHBoxLayout()
        self.goalLayout.setSpacing(10)
        self.goalLayout.setObjectName(u"goalLayout")
        self.goalLabel = QLabel(self.goalCard)
        self.goalLabel.setObjectName(u"goalLabel")

        self.goalLayout.addWidget(self.goalLabel)

        self.goalSpin = QSpinBox(self.goalCard)
        self.goalSpin.setObjectName(u"goalSpin")
        self.goalSpin.setMinimumSize(QSize(90, 0))
        self.goalSpin.setKeyboardTracking(False)
        self.goalSpin.setMinimum(0)
        self.goalSpin.setMaximum(21)
        self.goalSpin.setValue(3)

        self.goalLayout.addWidget(self.goalSpin)

        self.goalSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.goalLayout.addItem(self.goalSpacer)


        self.goalCardLayout.addLayout(self.goalLayout)

        self.goalHintLabel = QLabel(self.goalCard)
        self.goalHintLabel.setObjectName(u"goalHintLabel")
        self.goalHintLabel.setWordWrap(True)
        self.goalHintLabel.setProperty(u"role", u"hint")

        self.goalCardLayout.addWidget(self.goalHintLabel)

        self.preferredTimeLayout = QHBoxLayout()
        self.preferredTimeLayout.setSpacing(10)
        self.preferredTimeLayout.setObjectName(u"preferredTimeLayout")
        self.preferredTimeCheck = QCheckBox(self.goalCard)
        self.preferredTimeCheck.setObjectName(u"preferredTimeCheck")

        self.preferredTimeLayout.addWidget(self.preferredTimeCheck)

        self.preferredTimeEdit = QTimeEdit(self.goalCard)
        self.preferredTimeEdit.setObjectName(u"preferredTimeEdit")
        self.preferredTimeEdit.setMinimumSize(QSize(100, 0))
        self.preferredTimeEdit.setWrapping(True)
        self.preferredTimeEdit.setKeyboardTracking(False)
        self.preferredTimeEdit.setDisplayFormat(u"HH:mm")
        self.preferredTimeEdit.setTime(QTime(18, 0, 0))

        self.preferredTimeLayout.addWidget(self.preferredTimeEdit)

        self.preferredTimeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.preferredTimeLayout.addItem(self.preferredTimeSpacer)


        self.goalCardLayout.addLayout(self.preferredTimeLayout)

        self.preferredTimeHintLabel = QLabel(self.goalCard)
        self.preferredTimeHintLabel.setObjectName(u"preferredTimeHintLabel")
        self.preferredTimeHintLabel.setWordWrap(True)
        self.preferredTimeHintLabel.setProperty(u"role", u"hint")

        self.goalCardLayout.addWidget(self.preferredTimeHintLabel)


        self.contentLayout.addWidget(self.goalCard)

        self.remindersCard = ReminderSettingsBox(self.scrollContents)
        self.remindersCard.setObjectName(u"remindersCard")

        self.contentLayout.addWidget(self.remindersCard)

        self.soundCard = QFrame(self.scrollContents)
        self.soundCard.setObjectName(u"soundCard")
        self.soundCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.soundCard.setProperty(u"role", u"card")
        self.soundCardLayout = QVBoxLayout(self.soundCard)
        self.soundCardLayout.setSpacing(8)
        self.soundCardLayout.setObjectName(u"soundCardLayout")
        self.soundTitleLabel = QLabel(self.soundCard)
        self.soundTitleLabel.setObjectName(u"soundTitleLabel")
        self.soundTitleLabel.setProperty(u"role", u"sectionTitle")

        self.soundCardLayout.addWidget(self.soundTitleLabel)

        self.soundIntroLabel = QLabel(self.soundCard)
        self.soundIntroLabel.setObjectName(u"soundIntroLabel")
        self.soundIntroLabel.setWordWrap(True)
        self.soundIntroLabel.setProperty(u"role", u"hint")

        self.soundCardLayout.addWidget(self.soundIntroLabel)

        self.volumeLayout = QHBoxLayout()
        self.volumeLayout.setSpacing(10)
        self.volumeLayout.setObjectName(u"volumeLayout")
        self.volumeLabel = QLabel(self.soundCard)
        self.volumeLabel.setObjectName(u"volumeLabel")

        self.volumeLayout.addWidget(self.volumeLabel)

        self.volumeSlider = QSlider(self.soundCard)
        self.volumeSlider.setObjectName(u"volumeSlider")
        self.volumeSlider.setMinimumSize(QSize(220, 0))
        self.volumeSlider.setMaximum(100)
        self.volumeSlider.setSingleStep(5)
        self.volumeSlider.setPageStep(10)
        self.volumeSlider.setValue(80)
        self.volumeSlider.setTracking(False)
        self.volumeSlider.setOrientation(Qt.Orientation.Horizontal)
        self.volumeSlider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.volumeSlider.setTickInterval(10)

        self.volumeLayout.addWidget(self.volumeSlider)

        self.volumeValueLabel = QLabel(self.soundCard)
        self.volumeValueLabel.setObjectName(u"volumeValueLabel")
        self.volumeValueLabel.setMinimumSize(QSize(48, 0))
        self.volumeValueLabel.setText(u"80%")

        self.volumeLayout.addWidget(self.volumeValueLabel)

        self.volumeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.volumeLayout.addItem(self.volumeSpacer)


        self.soundCardLayout.addLayout(self.volumeLayout)

        self.voiceCheck = QCheckBox(self.soundCard)
        self.voiceCheck.setObjectName(u"voiceCheck")
        self.voiceCheck.setChecked(True)

        self.soundCardLayout.addWidget(self.voiceCheck)

        self.testSoundLayout = QHBoxLayout()
        self.testSoundLayout.setSpacing(10)
        self.testSoundLayout.setObjectName(u"testSoundLayout")
        self.testSoundButton = QPushButton(self.soundCard)
        self.testSoundButton.setObjectName(u"testSoundButton")

        self.testSoundLayout.addWidget(self.testSoundButton)

        self.testSoundSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.testSoundLayout.addItem(self.testSoundSpacer)


        self.soundCardLayout.addLayout(self.testSoundLayout)

        self.soundStatusLabel = QLabel(self.soundCard)
        self.soundStatusLabel.setObjectName(u"soundStatusLabel")
        self.soundStatusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.soundStatusLabel.setWordWrap(True)
        self.soundStatusLabel.setProperty(u"role", u"hint")

        self.soundCardLayout.addWidget(self.soundStatusLabel)

        self.soundHintLabel = QLabel(self.soundCard)
        self.soundHintLabel.setObjectName(u"soundHintLabel")
        self.soundHintLabel.setWordWrap(True)
        self.soundHintLabel.setProperty(u"role", u"hint")

        self.soundCardLayout.addWidget(self.soundHintLabel)


        self.contentLayout.addWidget(self.soundCard)

        self.packsCard = QFrame(self.scrollContents)
        self.packsCard.setObjectName(u"packsCard")
        self.packsCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.packsCard.setProperty(u"role", u"card")
        self.packsCardLayout = QVBoxLayout(self.packsCard)
        self.packsCardLayout.setSpacing(8)
        self.packsCardLayout.setObjectName(u"packsCardLayout")
        self.packsTitleLabel = QLabel(self.packsCard)
        self.packsTitleLabel.setObjectName(u"packsTitleLabel")
        self.packsTitleLabel.setProperty(u"role", u"sectionTitle")

        self.packsCardLayout.addWidget(self.packsTitleLabel)

        self.packsIntroLabel = QLabel(self.packsCard)
        self.packsIntroLabel.setObjectName(u"packsIntroLabel")
        self.packsIntroLabel.setWordWrap(True)
        self.packsIntroLabel.setProperty(u"role", u"hint")

        self.packsCardLayout.addWidget(self.packsIntroLabel)

        self.heatPackCheck = QCheckBox(self.packsCard)
        self.heatPackCheck.setObjectName(u"heatPackCheck")

        self.packsCardLayout.addWidget(self.heatPackCheck)

        self.coldPackCheck = QCheckBox(self.packsCard)
        self.coldPackCheck.setObjectName(u"coldPackCheck")

        self.packsCardLayout.addWidget(self.coldPackCheck)

        self.packsSafetyLabel = QLabel(self.packsCard)
        self.packsSafetyLabel.setObjectName(u"packsSafetyLabel")
        self.packsSafetyLabel.setWordWrap(True)
        self.packsSafetyLabel.setProperty(u"role", u"hint")

        self.packsCardLayout.addWidget(self.packsSafetyLabel)


        self.contentLayout.addWidget(self.packsCard)

        self.safetyCard = QFrame(self.scrollContents)
        self.safetyCard.setObjectName(u"safetyCard")
        self.safetyCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.safetyCard.setProperty(u"role", u"card")
        self.safetyCardLayout = QVBoxLayout(self.safetyCard)
        self.safetyCardLayout.setSpacing(8)
        self.safetyCardLayout.setObjectName(u"safetyCardLayout")
        self.safetyTitleLabel = QLabel(self.safetyCard)
        self.safetyTitleLabel.setObjectName(u"safetyTitleLabel")
        self.safetyTitleLabel.setProperty(u"role", u"sectionTitle")

        self.safetyCardLayout.addWidget(self.safetyTitleLabel)

        self.safetyIntroLabel = QLabel(self.safetyCard)
        self.safetyIntroLabel.setObjectName(u"safetyIntroLabel")
        self.safetyIntroLabel.setWordWrap(True)
        self.safetyIntroLabel.setProperty(u"role", u"hint")

        self.safetyCardLayout.addWidget(self.safetyIntroLabel)

        self.safetyStatusLabel = QLabel(self.safetyCard)
        self.safetyStatusLabel.setObjectName(u"safetyStatusLabel")
        self.safetyStatusLabel.setWordWrap(True)

        self.safetyCardLayout.addWidget(self.safetyStatusLabel)

        self.safetyButtonRow = QHBoxLayout()
        self.safetyButtonRow.setSpacing(6)
        self.safetyButtonRow.setObjectName(u"safetyButtonRow")
        self.safetyReviewButton = QPushButton(self.safetyCard)
        self.safetyReviewButton.setObjectName(u"safetyReviewButton")

        self.safetyButtonRow.addWidget(self.safetyReviewButton)

        self.safetyButtonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.safetyButtonRow.addItem(self.safetyButtonSpacer)


        self.safetyCardLayout.addLayout(self.safetyButtonRow)


        self.contentLayout.addWidget(self.safetyCard)

        self.appearanceCard = QFrame(self.scrollContents)
        self.appearanceCard.setObjectName(u"appearanceCard")
        self.appearanceCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.appearanceCard.setProperty(u"role", u"card")
        self.appearanceCardLayout = QVBoxLayout(self.appearanceCard)
        self.appearanceCardLayout.setSpacing(8)
        self.appearanceCardLayout.setObjectName(u"appearanceCardLayout")
        self.appearanceTitleLabel = QLabel(self.appearanceCard)
        self.appearanceTitleLabel.setObjectName(u"appearanceTitleLabel")
        self.appearanceTitleLabel.setProperty(u"role", u"sectionTitle")

        self.appearanceCardLayout.addWidget(self.appearanceTitleLabel)

        self.themeLayout = QHBoxLayout()
        self.themeLayout.setSpacing(10)
        self.themeLayout.setObjectName(u"themeLayout")
        self.themeLabel = QLabel(self.appearanceCard)
        self.themeLabel.setObjectName(u"themeLabel")

        self.themeLayout.addWidget(self.themeLabel)

        self.themeChips = QWidget(self.appearanceCard)
        self.themeChips.setObjectName(u"themeChips")
        self.themeChips.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.themeChipsLayout = QHBoxLayout(self.themeChips)
        self.themeChipsLayout.setSpacing(8)
        self.themeChipsLayout.setObjectName(u"themeChipsLayout")
        self.themeChipsLayout.setContentsMargins(0, 0, 0, 0)
        self.themeSystemButton = QPushButton(self.themeChips)
        self.themeSystemButton.setObjectName(u"themeSystemButton")
        self.themeSystemButton.setCheckable(True)
        self.themeSystemButton.setChecked(True)
        self.themeSystemButton.setAutoExclusive(True)
        self.themeSystemButton.setProperty(u"role", u"chip")

        self.themeChipsLayout.addWidget(self.themeSystemButton)

        self.themeLightButton = QPushButton(self.themeChips)
        self.themeLightButton.setObjectName(u"themeLightButton")
        self.themeLightButton.setCheckable(True)
        self.themeLightButton.setAutoExclusive(True)
        self.themeLightButton.setProperty(u"role", u"chip")

        self.themeChipsLayout.addWidget(self.themeLightButton)

        self.themeDarkButton = QPushButton(self.themeChips)
        self.themeDarkButton.setObjectName(u"themeDarkButton")
        self.themeDarkButton.setCheckable(True)
        self.themeDarkButton.setAutoExclusive(True)
        self.themeDarkButton.setProperty(u"role", u"chip")

        self.themeChipsLayout.addWidget(self.themeDarkButton)


        self.themeLayout.addWidget(self.themeChips)

        self.themeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.themeLayout.addItem(self.themeSpacer)


        self.appearanceCardLayout.addLayout(self.themeLayout)

        self.themeHintLabel = QLabel(self.appearanceCard)
        self.themeHintLabel.setObjectName(u"themeHintLabel")
        self.themeHintLabel.setWordWrap(True)
        self.themeHintLabel.setProperty(u"role", u"hint")

        self.appearanceCardLayout.addWidget(self.themeHintLabel)


        self.contentLayout.addWidget(self.appearanceCard)

        self.welcomeCard = QFrame(self.scrollContents)
        self.welcomeCard.setObjectName(u"welcomeCard")
        self.welcomeCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.welcomeCard.setProperty(u"role", u"card")
        self.welcomeCardLayout = QVBoxLayout(self.welcomeCard)
        self.welcomeCardLayout.setSpacing(8)
        self.welcomeCardLayout.setObjectName(u"welcomeCardLayout")
        self.welcomeTitleLabel = QLabel(self.welcomeCard)
        self.welcomeTitleLabel.setObjectName(u"welcomeTitleLabel")
        self.welcomeTitleLabel.setProperty(u"role", u"sectionTitle")

        self.welcomeCardLayout.addWidget(self.welcomeTitleLabel)

        self.welcomeHintLabel = QLabel(self.welcomeCard)
        self.welcomeHintLabel.setObjectName(u"welcomeHintLabel")
        self.welcomeHintLabel.setWordWrap(True)
        self.welcomeHintLabel.setProperty(u"role", u"hint")

        self.welcomeCardLayout.addWidget(self.welcomeHintLabel)

        self.welcomeButtonRow = QHBoxLayout()
        self.welcomeButtonRow.setSpacing(6)
        self.welcomeButtonRow.setObjectName(u"welcomeButtonRow")
        self.welcomeButton = QPushButton(self.welcomeCard)
        self.welcomeButton.setObjectName(u"welcomeButton")

        self.welcomeButtonRow.addWidget(self.welcomeButton)

        self.welcomeButtonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.welcomeButtonRow.addItem(self.welcomeButtonSpacer)


        self.welcomeCardLayout.addLayout(self.welcomeButtonRow)


        self.contentLayout.addWidget(self.welcomeCard)

        self.aboutCard = QFrame(self.scrollContents)
        self.aboutCard.setObjectName(u"aboutCard")
        self.aboutCard.setFrameShape(QFrame.Shape.StyledPanel)
        self.aboutCard.setProperty(u"role", u"card")
        self.aboutCardLayout = QVBoxLayout(self.aboutCard)
        self.aboutCardLayout.setSpacing(8)
        self.aboutCardLayout.setObjectName(u"aboutCardLayout")
        self.aboutTitleLabel = QLabel(self.aboutCard)
        self.aboutTitleLabel.setObjectName(u"aboutTitleLabel")
        self.aboutTitleLabel.setProperty(u"role", u"sectionTitle")

        self.aboutCardLayout.addWidget(self.aboutTitleLabel)

        self.versionLabel = QLabel(self.aboutCard)
        self.versionLabel.setObjectName(u"versionLabel")
        self.versionLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.versionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard|Qt.TextInteractionFlag.TextSelectableByMouse)

        self.aboutCardLayout.addWidget(self.versionLabel)

        self.privacyLabel = QLabel(self.aboutCard)
        self.privacyLabel.setObjectName(u"privacyLabel")
        self.privacyLabel.setWordWrap(True)

        self.aboutCardLayout.addWidget(self.privacyLabel)


        self.contentLayout.addWidget(self.aboutCard)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.contentLayout.addItem(self.bottomSpacer)

        self.scrollArea.setWidget(self.scrollContents)

        self.outerLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.backupsLabel.setBuddy(self.backupsList)
        self.goalLabel.setBuddy(self.goalSpin)
        self.volumeLabel.setBuddy(self.volumeSlider)
        self.themeLabel.setBuddy(self.themeChips)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dataPathLabel, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.backupButton)
        QWidget.setTabOrder(self.backupButton, self.backupsList)
        QWidget.setTabOrder(self.backupsList, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.exportPdfButton)
        QWidget.setTabOrder(self.exportPdfButton, self.exportCsvButton)
        QWidget.setTabOrder(self.exportCsvButton, self.exportFhirButton)
        QWidget.setTabOrder(self.exportFhirButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.goalSpin)
        QWidget.setTabOrder(self.goalSpin, self.preferredTimeCheck)
        QWidget.setTabOrder(self.preferredTimeCheck, self.preferredTimeEdit)
        QWidget.setTabOrder(self.preferredTimeEdit, self.volumeSlider)
        QWidget.setTabOrder(self.volumeSlider, self.voiceCheck)
        QWidget.setTabOrder(self.voiceCheck, self.testSoundButton)
        QWidget.setTabOrder(self.testSoundButton, self.heatPackCheck)
        QWidget.setTabOrder(self.heatPackCheck, self.coldPackCheck)
        QWidget.setTabOrder(self.coldPackCheck, self.safetyReviewButton)
        QWidget.setTabOrder(self.safetyReviewButton, self.themeSystemButton)
        QWidget.setTabOrder(self.themeSystemButton, self.themeLightButton)
        QWidget.setTabOrder(self.themeLightButton, self.themeDarkButton)
        QWidget.setTabOrder(self.themeDarkButton, self.welcomeButton)
        QWidget.setTabOrder(self.welcomeButton, self.versionLabel)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
#if QT_CONFIG(accessibility)
        SettingsPage.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Settings", None))
#endif // QT_CONFIG(accessibility)
        self.headingLabel.setText(QCoreApplication.translate("SettingsPage", u"Settings", None))
        self.dataTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Your data", None))
        self.dataIntroLabel.setText(QCoreApplication.translate("SettingsPage", u"Everything you record is kept in this folder on this computer:", None))
#if QT_CONFIG(accessibility)
        self.dataPathLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Data folder", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.openFolderButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Show the data folder in your file manager", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.openFolderButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Open data folder", None))
#endif // QT_CONFIG(accessibility)
        self.openFolderButton.setText(QCoreApplication.translate("SettingsPage", u"&Open data folder", None))
#if QT_CONFIG(tooltip)
        self.backupButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Make a copy of all your data now, inside the data folder", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.backupButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Back up now", None))
#endif // QT_CONFIG(accessibility)
        self.backupButton.setText(QCoreApplication.translate("SettingsPage", u"&Back up now", None))
        self.backupsLabel.setText(QCoreApplication.translate("SettingsPage", u"Backups made so far (newest first)", None))
#if QT_CONFIG(accessibility)
        self.backupsList.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Backups made so far, newest first", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.restoreButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Put back your data as it was in the chosen backup. You will be asked to confirm first.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.restoreButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Restore selected backup", None))
#endif // QT_CONFIG(accessibility)
        self.restoreButton.setText(QCoreApplication.translate("SettingsPage", u"&Restore selected\u2026", None))
        self.restoreHintLabel.setText(QCoreApplication.translate("SettingsPage", u"You will be asked to confirm first.", None))
        self.exportTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"<b>Export your whole diary</b>", None))
        self.exportHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Save every entry, from the first day on, to a file you choose: a report to show your physiotherapist or doctor, a spreadsheet, or a FHIR file that health record software can read.", None))
#if QT_CONFIG(tooltip)
        self.exportPdfButton.setToolTip(QCoreApplication.translate("SettingsPage", u"A report of your whole diary to print or show your physiotherapist or doctor", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.exportPdfButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Export the whole diary as a PDF report for a clinician", None))
#endif // QT_CONFIG(accessibility)
        self.exportPdfButton.setText(QCoreApplication.translate("SettingsPage", u"PDF report for a cli&nician\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportCsvButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Your whole diary as a table, for a spreadsheet program", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.exportCsvButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Export the whole diary as CSV, for a spreadsheet", None))
#endif // QT_CONFIG(accessibility)
        self.exportCsvButton.setText(QCoreApplication.translate("SettingsPage", u"CSV spreadsheet\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportFhirButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Your whole diary in FHIR, a format that health record software can read", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.exportFhirButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Export the whole diary as FHIR, for health record software", None))
#endif // QT_CONFIG(accessibility)
        self.exportFhirButton.setText(QCoreApplication.translate("SettingsPage", u"FHIR health record\u2026", None))
        self.deleteTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"<b>Delete all your data</b>", None))
        self.deleteHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Removes your diary, settings and backups from this computer. You will be told exactly what goes, and asked to confirm.", None))
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Delete your diary, settings and backups. You will be asked to confirm first.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Delete all my data", None))
#endif // QT_CONFIG(accessibility)
        self.deleteButton.setText(QCoreApplication.translate("SettingsPage", u"Delete all m&y data\u2026", None))
#if QT_CONFIG(accessibility)
        self.dataFeedbackLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Result of the last data action", None))
#endif // QT_CONFIG(accessibility)
        self.goalTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Goals", None))
        self.goalLabel.setText(QCoreApplication.translate("SettingsPage", u"Sessions per &week", None))
#if QT_CONFIG(accessibility)
        self.goalSpin.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Weekly goal: sessions per week", None))
#endif // QT_CONFIG(accessibility)
        self.goalSpin.setSpecialValueText(QCoreApplication.translate("SettingsPage", u"No weekly plan", None))
        self.goalHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Two or three sessions a week is a common start; your physiotherapist can help you choose. To do sessions when you like, with no target, turn the number down to \u201cNo weekly plan\u201d.", None))
#if QT_CONFIG(accessibility)
        self.preferredTimeCheck.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Preferred time for sessions", None))
#endif // QT_CONFIG(accessibility)
        self.preferredTimeCheck.setText(QCoreApplication.translate("SettingsPage", u"Preferre&d time for sessions", None))
#if QT_CONFIG(accessibility)
        self.preferredTimeEdit.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Preferred time of day for sessions", None))
#endif // QT_CONFIG(accessibility)
        self.preferredTimeHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Optional: a time of day that usually suits you for a guided session. Untick if it varies.", None))
        self.soundTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Sound and voice", None))
        self.soundIntroLabel.setText(QCoreApplication.translate("SettingsPage", u"What you hear during a guided session.", None))
        self.volumeLabel.setText(QCoreApplication.translate("SettingsPage", u"Cue vol&ume", None))
#if QT_CONFIG(tooltip)
        self.volumeSlider.setToolTip(QCoreApplication.translate("SettingsPage", u"How loud the sounds and spoken cues of a session are", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.volumeSlider.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Cue volume", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.volumeValueLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Cue volume in percent", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.voiceCheck.setToolTip(QCoreApplication.translate("SettingsPage", u"Say what to do next out loud, for when your eyes are closed", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.voiceCheck.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Speak the cues", None))
#endif // QT_CONFIG(accessibility)
        self.voiceCheck.setText(QCoreApplication.translate("SettingsPage", u"Speak the &cues", None))
#if QT_CONFIG(tooltip)
        self.testSoundButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Hear a cue sound at this volume, and the voice if it is on", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.testSoundButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Play a test sound", None))
#endif // QT_CONFIG(accessibility)
        self.testSoundButton.setText(QCoreApplication.translate("SettingsPage", u"Play a test sound", None))
#if QT_CONFIG(accessibility)
        self.soundStatusLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Sound and voice status", None))
#endif // QT_CONFIG(accessibility)
        self.soundHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Mute a session with M. The reminder to take off a heat or ice pack also shows as a desktop notification, even when muted.", None))
        self.packsTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Heat and cold packs", None))
        self.packsIntroLabel.setText(QCoreApplication.translate("SettingsPage", u"Tick what you have at home, so suggested plans only include the packs you have.", None))
#if QT_CONFIG(accessibility)
        self.heatPackCheck.setAccessibleName(QCoreApplication.translate("SettingsPage", u"I have a heat pack or a hot-water bottle", None))
#endif // QT_CONFIG(accessibility)
        self.heatPackCheck.setText(QCoreApplication.translate("SettingsPage", u"I have a heat pac&k (or a hot-water bottle)", None))
#if QT_CONFIG(accessibility)
        self.coldPackCheck.setAccessibleName(QCoreApplication.translate("SettingsPage", u"I have a cold pack", None))
#endif // QT_CONFIG(accessibility)
        self.coldPackCheck.setText(QCoreApplication.translate("SettingsPage", u"I have a cold pack (or frozen peas)", None))
#if QT_CONFIG(accessibility)
        self.packsSafetyLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Heat and cold packs: safety", None))
#endif // QT_CONFIG(accessibility)
        self.packsSafetyLabel.setText(QCoreApplication.translate("SettingsPage", u"Safety: always keep a towel or cloth between a pack and your skin, and use it for no more than 20 minutes at a time.", None))
        self.safetyTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Your safety answers", None))
        self.safetyIntroLabel.setText(QCoreApplication.translate("SettingsPage", u"A few questions about rare warning signs that need a doctor rather than exercise.", None))
        self.safetyStatusLabel.setText(QCoreApplication.translate("SettingsPage", u"You will be asked a few questions about warning signs before your first guided session.", None))
#if QT_CONFIG(accessibility)
        self.safetyStatusLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Safety answers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyReviewButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Review the safety questions", None))
#endif // QT_CONFIG(accessibility)
        self.safetyReviewButton.setText(QCoreApplication.translate("SettingsPage", u"Re&view the safety questions\u2026", None))
        self.appearanceTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Appearance", None))
        self.themeLabel.setText(QCoreApplication.translate("SettingsPage", u"Co&lours", None))
#if QT_CONFIG(accessibility)
        self.themeChips.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.themeSystemButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours: follow the system", None))
#endif // QT_CONFIG(accessibility)
        self.themeSystemButton.setText(QCoreApplication.translate("SettingsPage", u"Follow the system", None))
#if QT_CONFIG(accessibility)
        self.themeLightButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours: light", None))
#endif // QT_CONFIG(accessibility)
        self.themeLightButton.setText(QCoreApplication.translate("SettingsPage", u"Light", None))
#if QT_CONFIG(accessibility)
        self.themeDarkButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours: dark", None))
#endif // QT_CONFIG(accessibility)
        self.themeDarkButton.setText(QCoreApplication.translate("SettingsPage", u"Dark", None))
        self.themeHintLabel.setText(QCoreApplication.translate("SettingsPage", u"\u201cFollow the system\u201d uses your computer's own light or dark setting. The arrow keys move between the choices.", None))
        self.welcomeTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Welcome tour", None))
        self.welcomeHintLabel.setText(QCoreApplication.translate("SettingsPage", u"The short tour from your first start: what the app can and cannot do, and a few questions to set it up. Your answers (weekly goal, reminders, heat and cold packs, safety questions) live on this page too, so you can change them here at any time.", None))
#if QT_CONFIG(tooltip)
        self.welcomeButton.setToolTip(QCoreApplication.translate("SettingsPage", u"Go through the short welcome tour again", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.welcomeButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Show the welcome tour again", None))
#endif // QT_CONFIG(accessibility)
        self.welcomeButton.setText(QCoreApplication.translate("SettingsPage", u"Show the welcome again\u2026", None))
        self.aboutTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"About", None))
#if QT_CONFIG(accessibility)
        self.versionLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Version", None))
#endif // QT_CONFIG(accessibility)
        self.privacyLabel.setText(QCoreApplication.translate("SettingsPage", u"No account and no network: the app never sends anything anywhere. Your data stays on this computer unless you export it yourself.", None))
    # retranslateUi


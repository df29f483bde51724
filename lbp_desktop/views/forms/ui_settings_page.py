# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import QCoreApplication, QMetaObject, QSize, Qt
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QListWidget, QPushButton, QScrollArea, QSizePolicy, QSlider, QSpacerItem, QSpinBox, QVBoxLayout, QWidget

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
        self.backupsList.setMaximumSize(QSize(16777215, 220))

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

        self.dataFeedbackLabel = QLabel(self.dataCard)
        self.dataFeedbackLabel.setObjectName(u"dataFeedbackLabel")
        self.dataFeedbackLabel.setWordWrap(True)
        self.dataFeedbackLabel.setProperty(u"role", u"feedback")

        self.dataCardLayout.addWidget(self.dataFeedbackLabel)


        self.contentLayout.addWidget(self.dataCard)

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
        self.themeLayout.setSpacing(8)
        self.themeLayout.setObjectName(u"themeLayout")
        self.themeSystemButton = QPushButton(self.appearanceCard)
        self.themeSystemButton.setObjectName(u"themeSystemButton")
        self.themeSystemButton.setCheckable(True)
        self.themeSystemButton.setAutoExclusive(True)
        self.themeSystemButton.setProperty(u"role", u"chip")
        self.themeSystemButton.setChecked(True)

        self.themeLayout.addWidget(self.themeSystemButton)

        self.themeLightButton = QPushButton(self.appearanceCard)
        self.themeLightButton.setObjectName(u"themeLightButton")
        self.themeLightButton.setCheckable(True)
        self.themeLightButton.setAutoExclusive(True)
        self.themeLightButton.setProperty(u"role", u"chip")

        self.themeLayout.addWidget(self.themeLightButton)

        self.themeDarkButton = QPushButton(self.appearanceCard)
        self.themeDarkButton.setObjectName(u"themeDarkButton")
        self.themeDarkButton.setCheckable(True)
        self.themeDarkButton.setAutoExclusive(True)
        self.themeDarkButton.setProperty(u"role", u"chip")

        self.themeLayout.addWidget(self.themeDarkButton)

        self.themeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.themeLayout.addItem(self.themeSpacer)


        self.appearanceCardLayout.addLayout(self.themeLayout)


        self.contentLayout.addWidget(self.appearanceCard)

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

        self.remindersCard = ReminderSettingsBox(self.scrollContents)
        self.remindersCard.setObjectName(u"remindersCard")

        self.contentLayout.addWidget(self.remindersCard)

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
        self.goalSpin.setMinimum(1)
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


        self.contentLayout.addWidget(self.goalCard)

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

        self.safetyStatusLabel = QLabel(self.safetyCard)
        self.safetyStatusLabel.setObjectName(u"safetyStatusLabel")
        self.safetyStatusLabel.setWordWrap(True)

        self.safetyCardLayout.addWidget(self.safetyStatusLabel)

        self.safetyButtonRow = QHBoxLayout()
        self.safetyButtonRow.setObjectName(u"safetyButtonRow")
        self.safetyReviewButton = QPushButton(self.safetyCard)
        self.safetyReviewButton.setObjectName(u"safetyReviewButton")

        self.safetyButtonRow.addWidget(self.safetyReviewButton)

        self.safetyButtonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.safetyButtonRow.addItem(self.safetyButtonSpacer)


        self.safetyCardLayout.addLayout(self.safetyButtonRow)


        self.contentLayout.addWidget(self.safetyCard)

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
        self.volumeLabel.setBuddy(self.volumeSlider)
        self.goalLabel.setBuddy(self.goalSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dataPathLabel, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.backupButton)
        QWidget.setTabOrder(self.backupButton, self.backupsList)
        QWidget.setTabOrder(self.backupsList, self.restoreButton)
        QWidget.setTabOrder(self.restoreButton, self.themeSystemButton)
        QWidget.setTabOrder(self.themeSystemButton, self.themeLightButton)
        QWidget.setTabOrder(self.themeLightButton, self.themeDarkButton)
        QWidget.setTabOrder(self.themeDarkButton, self.volumeSlider)
        QWidget.setTabOrder(self.volumeSlider, self.voiceCheck)
        QWidget.setTabOrder(self.voiceCheck, self.testSoundButton)
        QWidget.setTabOrder(self.testSoundButton, self.goalSpin)
        QWidget.setTabOrder(self.goalSpin, self.safetyReviewButton)
        QWidget.setTabOrder(self.safetyReviewButton, self.versionLabel)

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
        self.backupsLabel.setText(QCoreApplication.translate("SettingsPage", u"Bac&kups made so far (newest first)", None))
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
#if QT_CONFIG(accessibility)
        self.dataFeedbackLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Result of the last data action", None))
#endif // QT_CONFIG(accessibility)
        self.appearanceTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Appearance", None))
#if QT_CONFIG(accessibility)
        self.themeSystemButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours: follow the system", None))
#endif // QT_CONFIG(accessibility)
        self.themeSystemButton.setText(QCoreApplication.translate("SettingsPage", u"Follow the s&ystem", None))
#if QT_CONFIG(accessibility)
        self.themeLightButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours: light", None))
#endif // QT_CONFIG(accessibility)
        self.themeLightButton.setText(QCoreApplication.translate("SettingsPage", u"&Light", None))
#if QT_CONFIG(accessibility)
        self.themeDarkButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Colours: dark", None))
#endif // QT_CONFIG(accessibility)
        self.themeDarkButton.setText(QCoreApplication.translate("SettingsPage", u"&Dark", None))
        self.soundTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Sound and voice", None))
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
        self.testSoundButton.setText(QCoreApplication.translate("SettingsPage", u"Play a test sou&nd", None))
#if QT_CONFIG(accessibility)
        self.soundStatusLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Sound and voice status", None))
#endif // QT_CONFIG(accessibility)
        self.soundHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Mute a session with M. The reminder to take off a heat or ice pack also shows as a desktop notification, even when muted.", None))
        self.goalTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Weekly goal", None))
        self.goalLabel.setText(QCoreApplication.translate("SettingsPage", u"Sessions per &week", None))
#if QT_CONFIG(accessibility)
        self.goalSpin.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Weekly goal: sessions per week", None))
#endif // QT_CONFIG(accessibility)
        self.goalHintLabel.setText(QCoreApplication.translate("SettingsPage", u"Two or three sessions a week is a common start. Your physiotherapist can help you choose.", None))
        self.safetyTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"Your safety answers", None))
        self.safetyStatusLabel.setText(QCoreApplication.translate("SettingsPage", u"You will be asked a few questions about warning signs before your first guided session.", None))
#if QT_CONFIG(accessibility)
        self.safetyStatusLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Safety answers", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyReviewButton.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Review the safety questions", None))
#endif // QT_CONFIG(accessibility)
        self.safetyReviewButton.setText(QCoreApplication.translate("SettingsPage", u"Re&view the safety questions\u2026", None))
        self.aboutTitleLabel.setText(QCoreApplication.translate("SettingsPage", u"About", None))
#if QT_CONFIG(accessibility)
        self.versionLabel.setAccessibleName(QCoreApplication.translate("SettingsPage", u"Version", None))
#endif // QT_CONFIG(accessibility)
        self.privacyLabel.setText(QCoreApplication.translate("SettingsPage", u"No account and no network: the app never sends anything anywhere. Your data stays on this computer unless you export it yourself.", None))
    # retranslateUi


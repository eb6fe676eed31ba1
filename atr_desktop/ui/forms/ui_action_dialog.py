# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

from atr_desktop.ui.date_field import DateField

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.resize(560, 560)
        self.verticalLayout = QVBoxLayout(ActionDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.refLabel = QLabel(ActionDialog)
        self.refLabel.setObjectName(u"refLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.refLabel)

        self.refValue = QLabel(ActionDialog)
        self.refValue.setObjectName(u"refValue")
        self.refValue.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.refValue)

        self.descriptionLabel = QLabel(ActionDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.descriptionLabel)

        self.descriptionEdit = QPlainTextEdit(ActionDialog)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setTabChangesFocus(True)
        self.descriptionEdit.setMaximumSize(QSize(16777215, 80))

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.ownerLabel = QLabel(ActionDialog)
        self.ownerLabel.setObjectName(u"ownerLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerLabel)

        self.ownerEdit = QLineEdit(ActionDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.dueLabel = QLabel(ActionDialog)
        self.dueLabel.setObjectName(u"dueLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.dueLabel)

        self.dueEdit = DateField(ActionDialog)
        self.dueEdit.setObjectName(u"dueEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.dueEdit)

        self.statusLabel = QLabel(ActionDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusCombo = QComboBox(ActionDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.meetingLabel = QLabel(ActionDialog)
        self.meetingLabel.setObjectName(u"meetingLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.meetingLabel)

        self.meetingCombo = QComboBox(ActionDialog)
        self.meetingCombo.setObjectName(u"meetingCombo")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.meetingCombo)

        self.ragLabel = QLabel(ActionDialog)
        self.ragLabel.setObjectName(u"ragLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ragLabel)

        self.ragCombo = QComboBox(ActionDialog)
        self.ragCombo.setObjectName(u"ragCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ragCombo)

        self.reasonLabel = QLabel(ActionDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(ActionDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.noteLabel = QLabel(ActionDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QPlainTextEdit(ActionDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setTabChangesFocus(True)
        self.noteEdit.setMaximumSize(QSize(16777215, 80))

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.noteEdit)

        self.historyLabel = QLabel(ActionDialog)
        self.historyLabel.setObjectName(u"historyLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.historyLabel)

        self.historyList = QListWidget(ActionDialog)
        self.historyList.setObjectName(u"historyList")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.historyList)


        self.verticalLayout.addLayout(self.formLayout)

        self.buttonBox = QDialogButtonBox(ActionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.descriptionLabel.setBuddy(self.descriptionEdit)
        self.ownerLabel.setBuddy(self.ownerEdit)
        self.dueLabel.setBuddy(self.dueEdit)
        self.statusLabel.setBuddy(self.statusCombo)
        self.meetingLabel.setBuddy(self.meetingCombo)
        self.ragLabel.setBuddy(self.ragCombo)
        self.reasonLabel.setBuddy(self.reasonEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionDialog)

        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        ActionDialog.setWindowTitle(QCoreApplication.translate("ActionDialog", u"Action", None))
        self.refLabel.setText(QCoreApplication.translate("ActionDialog", u"Reference:", None))
#if QT_CONFIG(accessibility)
        self.refValue.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Action reference", None))
#endif // QT_CONFIG(accessibility)
        self.descriptionLabel.setText(QCoreApplication.translate("ActionDialog", u"&Action:", None))
#if QT_CONFIG(accessibility)
        self.descriptionEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Action description", None))
#endif // QT_CONFIG(accessibility)
        self.ownerLabel.setText(QCoreApplication.translate("ActionDialog", u"&Owner:", None))
#if QT_CONFIG(accessibility)
        self.ownerEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Owner (email or name)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.ownerEdit.setToolTip(QCoreApplication.translate("ActionDialog", u"An email address links the person; otherwise type a name", None))
#endif // QT_CONFIG(tooltip)
        self.dueLabel.setText(QCoreApplication.translate("ActionDialog", u"&Due date:", None))
#if QT_CONFIG(accessibility)
        self.dueEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Due date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.dueEdit.setToolTip(QCoreApplication.translate("ActionDialog", u"Moving the due date keeps the original and records the revised date", None))
#endif // QT_CONFIG(tooltip)
        self.statusLabel.setText(QCoreApplication.translate("ActionDialog", u"&Status:", None))
#if QT_CONFIG(accessibility)
        self.statusCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.meetingLabel.setText(QCoreApplication.translate("ActionDialog", u"&Closure agreed at:", None))
#if QT_CONFIG(accessibility)
        self.meetingCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Meeting that agreed the closure", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.meetingCombo.setToolTip(QCoreApplication.translate("ActionDialog", u"Closing is agreed at a meeting", None))
#endif // QT_CONFIG(tooltip)
        self.ragLabel.setText(QCoreApplication.translate("ActionDialog", u"&RAG:", None))
#if QT_CONFIG(accessibility)
        self.ragCombo.setAccessibleName(QCoreApplication.translate("ActionDialog", u"RAG rating", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.ragCombo.setToolTip(QCoreApplication.translate("ActionDialog", u"Automatic from the dates, or your override with a reason", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("ActionDialog", u"Reaso&n:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Reason for the RAG override or supersession", None))
#endif // QT_CONFIG(accessibility)
        self.noteLabel.setText(QCoreApplication.translate("ActionDialog", u"&Update:", None))
#if QT_CONFIG(accessibility)
        self.noteEdit.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Dated update to add", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.noteEdit.setToolTip(QCoreApplication.translate("ActionDialog", u"Added to the action's history with today's date", None))
#endif // QT_CONFIG(tooltip)
        self.historyLabel.setText(QCoreApplication.translate("ActionDialog", u"History:", None))
#if QT_CONFIG(accessibility)
        self.historyList.setAccessibleName(QCoreApplication.translate("ActionDialog", u"Updates so far", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

